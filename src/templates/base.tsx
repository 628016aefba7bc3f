// The page shell every page shares: <html lang dir>, head, skip link, header and footer.

import type { ComponentChildren } from "preact";
import type { Article } from "../content/article.ts";
import { FEEDS } from "../publish/feeds.ts";
import { contentSecurityPolicy } from "../publish/http-headers.ts";
import { shareImageFor, type ShareImage } from "../publish/share-image.ts";
import { socialMeta } from "../publish/social-meta.ts";
import { sectionPath } from "../site/sections.ts";
import { absoluteUrl, sitePath } from "../site/urls.ts";
import type { PageData } from "./page-data.ts";

export interface BaseProps {
  data: PageData;
  /** The page's own title; the site name is added after it. */
  title?: string;
  description: string;
  /** Site-relative path of this page, for the canonical URL; none for the 404 page. */
  path?: string;
  /** The article an article page shows: its share image, dates and tags for link previews. */
  article?: Article;
  /** The image link previews show; the site's card when not given. */
  shareImage?: ShareImage;
  /** More head elements (an article's structured data). */
  head?: ComponentChildren;
  /** The front page's wider layout (styles/main.css, `.wide`). */
  wide?: boolean;
  children: ComponentChildren;
}

/** The document for one page; Eleventy's renderer adds the doctype. */
export function Base(props: BaseProps) {
  const { data, title, description, path, article, shareImage, head, wide, children } = props;
  const { site, assets, images, memo } = data;
  // What every page of a build repeats is rendered once (reuse.tsx), keyed by all it shows.
  const shell = `${memo.recordKey(site)} ${memo.recordKey(assets)} ${memo.recordKey(images.favicon)}`;
  const links = headerLinks(site);
  const section = links.find((candidate) => candidate.path === path)?.path ?? "";
  return (
    <html lang={site.language} dir={site.dir}>
      <head>
        {memo.reused(site, `opening ${shell}`, () => (
          <>
            <meta charset="utf-8" />
            {/* For hosts that cannot send headers (GitHub Pages); _headers and nginx send it too. */}
            <meta http-equiv="Content-Security-Policy" content={contentSecurityPolicy("meta")} />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
          </>
        ))}
        <title>{title ? `${title} | ${site.name}` : site.name}</title>
        <meta name="description" content={description} />
        {path !== undefined && <link rel="canonical" href={absoluteUrl(site, path)} />}
        {memo.reused(site, `styles ${shell}`, () => (
          <>
            <meta name="color-scheme" content="light dark" />
            {assets.preloadFonts.map((href) => (
              <link rel="preload" href={href} as="font" type="font/woff2" crossorigin="anonymous" />
            ))}
            <link rel="stylesheet" href={assets.stylesheet} />
          </>
        ))}
        {path !== undefined &&
          socialMeta(site, {
            url: absoluteUrl(site, path),
            title: title ?? site.name,
            description,
            image: shareImage ?? shareImageFor(site, undefined, images),
            article,
          }).map((tag) =>
            // Two fixed shapes, not a spread of a computed key: V8 copies those slowly (about
            // 0.2 s for the 100,000 tags of a 4,000-article site).
            tag.attribute === "property" ? (
              <meta property={tag.key} content={tag.content} />
            ) : (
              <meta name={tag.key} content={tag.content} />
            ),
          )}
        {memo.reused(site, `links ${shell}`, () => (
          <>
            {Object.values(FEEDS).map((feed) => (
              <link
                rel="alternate"
                type={feed.type}
                title={site.name}
                href={sitePath(site, feed.path)}
              />
            ))}
            <link
              rel="icon"
              type="image/png"
              sizes={`${images.favicon.width}x${images.favicon.height}`}
              href={images.favicon.path}
            />
          </>
        ))}
        {head}
      </head>
      <body class={wide ? "wide" : undefined}>
        {memo.reused(site, `header ${section} ${shell}`, () => (
          <>
            <a class="skip-link" href="#main">
              انتقل إلى المحتوى
            </a>
            <header class="site-header">
              <div class="wrap">
                <a class="site-name" href={sitePath(site, "/")}>
                  {site.name}
                </a>
                <SiteSections site={site} links={links} current={section} />
              </div>
            </header>
          </>
        ))}
        <main id="main" class="wrap" tabindex={-1}>
          {children}
        </main>
        {memo.reused(site, `footer ${shell}`, () => (
          <footer class="site-footer">
            <div class="wrap">
              <p>{site.name}</p>
            </div>
          </footer>
        ))}
      </body>
    </html>
  );
}

/** The header's links: the site's sections, the tags index and the archive; the current one is marked. */
function SiteSections(props: {
  site: PageData["site"];
  links: readonly { name: string; path: string }[];
  current: string;
}) {
  const { site, links, current } = props;
  return (
    <nav class="site-sections" aria-label="أقسام الموقع">
      <ul>
        {links.map((section) => (
          <li>
            <a
              href={sitePath(site, section.path)}
              aria-current={section.path === current ? "page" : undefined}
            >
              {section.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The sections site.yaml declares, in its order, then the indexes every site has. */
function headerLinks(site: PageData["site"]): { name: string; path: string }[] {
  return [
    ...site.sections.map((section) => ({ name: section.name, path: sectionPath(section) })),
    ...INDEXES,
  ];
}

const INDEXES = [
  { name: "الوسوم", path: "/tags/" },
  { name: "الأرشيف", path: "/archive/" },
] as const;
