// npm run audit: loads each page kind, and an article with a lead photo, in Chromium under slow 4G and a 4× slower CPU, runs Lighthouse, writes docs/page-weight.md.

import { writeFile, mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import { availableParallelism, loadavg } from "node:os";
import lighthouse from "lighthouse";
import { pageKinds } from "./lib/built-site.ts";
import { launchChromium } from "./lib/chromium.ts";
import {
  CPU_SLOWDOWN,
  measurePage,
  MOBILE_VIEWPORT,
  SLOW_4G,
  SLOW_4G_DEVTOOLS,
} from "./lib/measure-page.ts";
import {
  checkBudget,
  checkPhotoBudget,
  combineRuns,
  kb,
  LIGHTHOUSE_CATEGORIES,
  renderReport,
  total,
  type LighthouseCategory,
  type PageLoad,
  type PhotoArticleLoad,
} from "./lib/page-budget.ts";
import { PHOTO_ARTICLE_SLUG, serveSites } from "./lib/photo-site.ts";

const REPORT = "docs/page-weight.md";
const RUNS = 3;
const LIGHTHOUSE_VERSION = "12.2.3";

// The site, and the same content with an article that has a lead photo (content/ has none).
const { site, server, photoServer, close } = await serveSites({ compress: true });
const port = await freePort();
const browser = await launchChromium([`--remote-debugging-port=${port}`]);
let benchmarkIndex = 0;
try {
  const loads: PageLoad[] = [];
  // One unmeasured load first: a freshly started browser spends its first page warming its own
  // caches (fonts, code), which a reader's already-running browser has done long before.
  await measurePage(browser, server.url);
  for (const { kind, file, path } of pageKinds(site.htmlFiles)) {
    const url = new URL(path.slice(1), server.url).href;
    // Lighthouse refuses to audit a page answered with 404: it reads the not-found page at its own URL.
    const lighthouseUrl = kind === "404" ? new URL(file, server.url).href : url;
    const { load } = await measureKind(kind, path, url, lighthouseUrl);
    loads.push(load);
    const misses = checkBudget(load);
    console.log(
      `${kind.padEnd(8)} ${kb(total(load.bytes)).padStart(8)} (${kb(total(load.bytes) - load.bytes.fonts)} without fonts, ` +
        `JS ${kb(load.bytes.js)}), ${total(load.requests)} requests, LCP ${Math.round(load.lcp)} ms, CLS ${load.cls.toFixed(3)} ` +
        `(DevTools preset: LCP ${Math.round(load.harsherNetwork.lcp)} ms, CLS ${load.harsherNetwork.cls.toFixed(3)}), ` +
        `Lighthouse ${LIGHTHOUSE_CATEGORIES.map((name) => `${name} ${load.lighthouse[name]}`).join(", ")}` +
        (misses.length > 0 ? `\n         over budget: ${misses.join("; ")}` : ""),
    );
  }
  const photoPath = `/articles/${PHOTO_ARTICLE_SLUG}/`;
  const photoUrl = new URL(photoPath.slice(1), photoServer.url).href;
  const measured = await measureKind(
    "article with a lead photo",
    photoPath,
    photoUrl,
    photoUrl,
    true,
  );
  const photo: PhotoArticleLoad = {
    ...measured.load,
    lighthouseLcp: measured.performance?.lcp ?? Number.NaN,
    performance: measured.performance?.score ?? 0,
  };
  const photoMisses = checkPhotoBudget(photo);
  console.log(
    `photo article: ${["html", "css", "fonts", "images"].map((name) => `${name} ${kb(photo.bytes[name as keyof typeof photo.bytes])}`).join(", ")}, total ${kb(total(photo.bytes))}; ` +
      `Lighthouse LCP ${Math.round(photo.lighthouseLcp)} ms (performance ${photo.performance}), measured LCP ${Math.round(photo.lcp)} ms, CLS ${photo.cls.toFixed(3)}` +
      (photoMisses.length > 0 ? `\n         over budget: ${photoMisses.join("; ")}` : ""),
  );
  await mkdir("docs", { recursive: true });
  await writeFile(
    REPORT,
    renderReport(
      loads,
      {
        runs: RUNS,
        harsherNetwork: SLOW_4G_DEVTOOLS.name,
        benchmarkIndex,
        load: { average: loadavg()[0] ?? 0, cores: availableParallelism() },
        network: SLOW_4G.name,
        cpu: `${CPU_SLOWDOWN}× slowdown (CDP Emulation.setCPUThrottlingRate)`,
        viewport: `${MOBILE_VIEWPORT.width}×${MOBILE_VIEWPORT.height} at ${MOBILE_VIEWPORT.deviceScaleFactor}× (Lighthouse's mobile screen)`,
        browser: browser.version(),
        lighthouse: LIGHTHOUSE_VERSION,
      },
      photo,
    ),
  );
  console.log(`Wrote ${REPORT}`);
  if (loads.some((load) => checkBudget(load).length > 0) || photoMisses.length > 0)
    process.exitCode = 1;
} finally {
  await browser.close();
  await close();
}

/**
 * One page kind: its cold loads under both networks, and Lighthouse's scores (and, when
 * `extra` asks for the performance category, its LCP and performance score).
 */
async function measureKind(
  kind: string,
  path: string,
  url: string,
  lighthouseUrl: string,
  withPerformance = false,
): Promise<{ load: PageLoad; performance: Performance | undefined }> {
  const runs = [];
  const harsher = [];
  for (let run = 0; run < RUNS; run += 1) {
    runs.push(await measurePage(browser, url, { network: SLOW_4G }));
    harsher.push(await measurePage(browser, url, { network: SLOW_4G_DEVTOOLS }));
  }
  const { lcp: harsherLcp, cls: harsherCls } = combineRuns(harsher);
  const { benchmark, performance, ...scores } = await runLighthouse(
    lighthouseUrl,
    port,
    withPerformance,
  );
  benchmarkIndex = Math.max(benchmarkIndex, benchmark);
  const load: PageLoad = {
    kind,
    path,
    ...combineRuns(runs),
    harsherNetwork: { lcp: harsherLcp, cls: harsherCls },
    ...scores,
  };
  return { load, performance };
}

/** Lighthouse's performance category: its score (0–100) and its LCP, ms. */
interface Performance {
  score: number;
  lcp: number;
}

/**
 * Lighthouse's accessibility, best-practices and SEO scores for a page, and the audits that lost
 * points; with `withPerformance`, its performance category too, under Lighthouse's defaults
 * (mobile, simulated slow 4G and 4× CPU).
 */
async function runLighthouse(
  url: string,
  port: number,
  withPerformance = false,
): Promise<{
  lighthouse: Record<LighthouseCategory, number>;
  lighthouseFailures: string[];
  benchmark: number;
  performance: Performance | undefined;
}> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: [...LIGHTHOUSE_CATEGORIES, ...(withPerformance ? ["performance"] : [])],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const scores = {} as Record<LighthouseCategory, number>;
  const failures: string[] = [];
  for (const name of LIGHTHOUSE_CATEGORIES) {
    const category = result.lhr.categories[name];
    scores[name] = Math.round((category?.score ?? 0) * 100);
    for (const ref of category?.auditRefs ?? []) {
      const audit = result.lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
        failures.push(`${name}: ${ref.id} (${audit.title})`);
    }
  }
  if (result.lhr.runtimeError)
    failures.push(`Lighthouse could not run: ${result.lhr.runtimeError.message}`);
  const lcp = result.lhr.audits["largest-contentful-paint"]?.numericValue;
  return {
    lighthouse: scores,
    lighthouseFailures: failures,
    benchmark: result.lhr.environment.benchmarkIndex,
    performance:
      withPerformance && lcp !== undefined
        ? { score: Math.round((result.lhr.categories.performance?.score ?? 0) * 100), lcp }
        : undefined,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
