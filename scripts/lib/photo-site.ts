// The project's content plus one article with a lead photo, for the audit and the README's screenshots (the seed article has none).

import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { samplePhoto } from "../bench-photos.ts";
import { buildTemporarySite, type BuiltSite } from "./built-site.ts";
import { startStaticServer, type StaticServer, type StaticServerOptions } from "./static-server.ts";

/** The photo article's slug: its page is /articles/<slug>/. */
export const PHOTO_ARTICLE_SLUG = "kazakhstan-steppe-photo";

/**
 * Copies `contentDir` into `folder` and adds an article folder with a generated 2000×1300 lead
 * photo (samplePhoto: soft shapes, detail and grain, so the encoders do a real photo's work),
 * its caption and credit, dated after the seed article so it leads the home page.
 * @example await writePhotoSiteContent("content", "/tmp/x/content") //=> "/tmp/x/content"
 */
export async function writePhotoSiteContent(contentDir: string, folder: string): Promise<string> {
  await cp(contentDir, folder, { recursive: true });
  const article = path.join(folder, "articles", PHOTO_ARTICLE_SLUG);
  await mkdir(article, { recursive: true });
  await writeFile(path.join(article, "steppe.jpg"), await samplePhoto(7));
  await writeFile(
    path.join(article, "index.md"),
    [
      "---",
      'title: "كازاخستان تستضيف الجولة الأخيرة من محادثات أستانا وسط ترقب لنتائجها"',
      'standfirst: "وصلت الوفود إلى العاصمة الكازاخية صباح الثلاثاء، فيما قالت الدولة المضيفة إن هذه الجولة قد تكون الأخيرة في المسار."',
      "date: 2023-06-22",
      "dateline: أستانا",
      `slug: ${PHOTO_ARTICLE_SLUG}`,
      "tags: [كازاخستان, أستانا]",
      "image:",
      "  src: steppe.jpg",
      "  alt: سهوب ملونة تحت سماء غائمة",
      "  caption: السهوب المحيطة بالعاصمة الكازاخية قبل بدء الجولة",
      "  credit: صورة مولّدة للاختبار",
      "---",
      "",
      "وصلت وفود روسيا وإيران وتركيا والنظام السوري إلى العاصمة الكازاخية صباح الثلاثاء لبدء الجولة العشرين من محادثات أستانا، وسط ترقب لما ستسفر عنه بعد أن اقترحت الدولة المضيفة إنهاء المسار.",
      "",
      "وقال مسؤولون في وزارة الخارجية الكازاخية إن بلادهم قدمت ما عليها طوال سنوات المسار، وإن الوقت حان لنقل المحادثات إلى مكان آخر إذا رغبت الأطراف في مواصلتها.",
      "",
    ].join("\n"),
  );
  return folder;
}

/** The project's site and its photo twin, built and served on 127.0.0.1. */
export interface ServedSites {
  site: BuiltSite;
  server: StaticServer;
  /** The same content with the photo article (writePhotoSiteContent). */
  photoSite: BuiltSite;
  photoServer: StaticServer;
  /** Stops both servers and removes both sites. */
  close(): Promise<void>;
}

/**
 * Builds and serves the project's site (content/, or SAHIFA_CONTENT) and the same content with
 * the photo article, for the audit and the screenshots.
 * @example const sites = await serveSites({ compress: true }); new URL(`articles/${PHOTO_ARTICLE_SLUG}/`, sites.photoServer.url)
 */
export async function serveSites(
  options: Pick<StaticServerOptions, "compress"> = {},
): Promise<ServedSites> {
  const contentDir = process.env.SAHIFA_CONTENT || "content";
  const site = await buildTemporarySite();
  const photoSite = await buildTemporarySite((folder) => writePhotoSiteContent(contentDir, folder));
  const server = await startStaticServer({ root: site.root, ...options });
  const photoServer = await startStaticServer({ root: photoSite.root, ...options });
  return {
    site,
    server,
    photoSite,
    photoServer,
    async close() {
      await server.close();
      await photoServer.close();
      await site.remove();
      await photoSite.remove();
    },
  };
}
