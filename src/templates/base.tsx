// The page shell every page shares: <html lang dir>, head, skip link, header and footer.

import type { ComponentChildren } from "preact";
import { absoluteUrl, sitePath } from "../urls.ts";
import type { PageData } from "./page-data.ts";

export interface BaseProps {
  data: PageData;
  /** The page's own title; the site name is added after it. */
  title?: string;
  description: string;
  /** Site-relative path of this page, for the canonical URL; none for the 404 page. */
  path?: string;
  children: ComponentChildren;
}

/** The document for one page; Eleventy's renderer adds the doctype. */
export function Base({ data, title, description, path, children }: BaseProps) {
  const { site, assets } = data;
  return (
    <html lang={site.language} dir={site.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title ? `${title} | ${site.name}` : site.name}</title>
        <meta name="description" content={description} />
        {path !== undefined && <link rel="canonical" href={absoluteUrl(site, path)} />}
        <meta name="color-scheme" content="light dark" />
        {assets.preloadFonts.map((href) => (
          <link rel="preload" href={href} as="font" type="font/woff2" crossorigin="anonymous" />
        ))}
        <link rel="stylesheet" href={assets.stylesheet} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          انتقل إلى المحتوى
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-name" href={sitePath(site, "/")}>
              {site.name}
            </a>
            <SiteSections site={site} current={path} />
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{site.name}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** The header's links to the tags index and the archive; the current one is marked. */
function SiteSections({ site, current }: { site: PageData["site"]; current: string | undefined }) {
  return (
    <nav class="site-sections" aria-label="أقسام الموقع">
      <ul>
        {SECTIONS.map((section) => (
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

const SECTIONS = [
  { name: "الوسوم", path: "/tags/" },
  { name: "الأرشيف", path: "/archive/" },
] as const;
