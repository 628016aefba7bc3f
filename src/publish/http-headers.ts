// HTTP rules for static hosts: the Content-Security-Policy, security headers and cache lifetimes, and the _headers file that carries them.

import { FEEDS } from "./feeds.ts";
import type { Site } from "../content/site-settings.ts";
import { ROBOTS_PATH, SITEMAP_PATH } from "./sitemap.ts";
import { sitePath } from "../site/urls.ts";
import { SEARCH_INDEX_PATH, SEARCH_PAGE_PATH } from "./search-records.ts";

/**
 * The policy every page is served under. Pages load only their own stylesheet, fonts and images,
 * run no script at all, not even their own (`script-src 'none'`; JSON-LD is a data block, which
 * CSP does not govern), cannot be framed, and cannot have their base URL or a plugin slipped in.
 * `'self'` keeps it the same for every deploy address. The search page runs a script, so it has
 * a policy of its own (SEARCH_CSP_DIRECTIVES), not a looser one for every page.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  "default-src": ["'self'"],
  "script-src": ["'none'"],
  "style-src": ["'self'"],
  "img-src": ["'self'"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

/**
 * The search page's policy: the pages' own, except that it runs scripts from the site itself
 * (its script and Pagefind's, which loads its index with fetch, both `'self'`; the page's
 * preloads of Pagefind's files come under the same sources) and compiles Pagefind's WebAssembly
 * (`'wasm-unsafe-eval'`, which allows WebAssembly and not `eval`). No inline script, no other
 * origin. Pagefind's web worker, which the page does not start, would come under them too.
 */
export const SEARCH_CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  ...CSP_DIRECTIVES,
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
};

/** Directives a `<meta>` policy may not carry (browsers ignore them there, with a warning). */
const HEADER_ONLY_DIRECTIVES = ["frame-ancestors", "report-uri", "sandbox"];

/**
 * The policy as a header value, or for `<meta http-equiv>` (without header-only directives).
 * @example contentSecurityPolicy("meta") //=> "default-src 'self'; script-src 'none'; …; form-action 'self'"
 */
export function contentSecurityPolicy(
  delivery: "header" | "meta",
  directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES,
): string {
  return Object.entries(directives)
    .filter(([name]) => delivery === "header" || !HEADER_ONLY_DIRECTIVES.includes(name))
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/**
 * Powerful features no page uses, refused to the page and anything it could embed
 * (https://www.w3.org/TR/permissions-policy/). Only features Chromium knows: it logs an error
 * for every name it does not.
 */
export const PERMISSIONS_POLICY = [
  "accelerometer",
  "camera",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "payment",
  "usb",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/**
 * Headers for every response, the one list every host's config is made from (`_headers` here,
 * deploy/nginx/sahifa.conf checked against it by tests/publish/nginx.test.ts). HSTS asks
 * browsers to use https only, for a year; without `includeSubDomains`, as a site in a sub-folder
 * cannot speak for the rest of its domain. Browsers ignore it on plain http (RFC 6797, 8.1).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": contentSecurityPolicy("header"),
  "Strict-Transport-Security": "max-age=31536000",
  "Permissions-Policy": PERMISSIONS_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/** Cache lifetimes: names under assets/ carry a content hash, so they never change. */
export const CACHE_CONTROL = {
  hashed: "public, max-age=31536000, immutable",
  /** Pages and feeds change when news does: caches check back after five minutes. */
  page: "public, max-age=300, must-revalidate",
} as const;

/** The folder whose every file name carries a content hash. */
export const HASHED_ASSETS_DIR = "/assets/";

/** The folder of published photos, whose names carry their content's hash too. */
export const HASHED_PHOTOS_DIR = "/media/";

/**
 * The `_headers` file for Netlify and Cloudflare Pages. Cache rules use paths that never
 * overlap, because both hosts merge the headers of every rule a path matches (a Cache-Control
 * from `/*` would be joined onto the immutable one); only the security headers use `/*`.
 * A site with photos gets the photos' folder's rule too (a site without keeps its file as it was).
 * With search, the policy moves off `/*` onto each path's own rule, for the same reason: joined
 * with the pages' policy, the search page's would still forbid its script (a browser enforces
 * every policy it is sent). The search page and Pagefind's files get SEARCH_CSP_DIRECTIVES,
 * every other path the pages' policy; a path no rule names (a missing page) still has the one in its `<meta>`.
 * @example headersFile({ pathPrefix: "/" }) //=> "/*\n  Content-Security-Policy: default-src 'self'; …"
 */
export function headersFile(
  site: Pick<Site, "pathPrefix">,
  photos = false,
  search = false,
): string {
  const hashed = photos ? [HASHED_ASSETS_DIR, HASHED_PHOTOS_DIR] : [HASHED_ASSETS_DIR];
  const { "Content-Security-Policy": policy, ...others } = SECURITY_HEADERS;
  // Without search, the policy stays on /* as it always was.
  const everyPath = search ? others : SECURITY_HEADERS;
  const own = (headers: Record<string, string>): Record<string, string> =>
    search && policy !== undefined ? { ...headers, "Content-Security-Policy": policy } : headers;
  const rules: [string, Readonly<Record<string, string>>][] = [
    [sitePath(site, "/*"), everyPath],
    ...hashed.map((dir): [string, Record<string, string>] => [
      sitePath(site, `${dir}*`),
      own({ "Cache-Control": CACHE_CONTROL.hashed }),
    ]),
    ...pagePaths().map((path): [string, Record<string, string>] => [
      sitePath(site, path),
      own({ "Cache-Control": CACHE_CONTROL.page }),
    ]),
    // The search page, and Pagefind's files: its web worker runs under the policy its own
    // response carries, and compiles the WebAssembly too. The index changes with every build
    // that changes an article: cached as pages are.
    ...(search ? [SEARCH_PAGE_PATH, SEARCH_INDEX_PATH] : []).map(
      (dir): [string, Record<string, string>] => [
        sitePath(site, `${dir}*`),
        {
          "Cache-Control": CACHE_CONTROL.page,
          "Content-Security-Policy": contentSecurityPolicy("header", SEARCH_CSP_DIRECTIVES),
        },
      ],
    ),
  ];
  return rules
    .map(([path, headers]) =>
      [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join("\n"),
    )
    .join("\n")
    .concat("\n");
}

/**
 * The `add_header` lines deploy/nginx/sahifa.conf must carry for SECURITY_HEADERS, sent with
 * every response, errors included (`always`).
 * @example nginxHeaderLines()[1] //=> 'add_header Strict-Transport-Security "max-age=31536000" always;'
 */
export function nginxHeaderLines(
  headers: Readonly<Record<string, string>> = SECURITY_HEADERS,
): string[] {
  return Object.entries(headers).map(([name, value]) => `add_header ${name} "${value}" always;`);
}

/**
 * The search page's location in deploy/nginx/sahifa.conf (`/search/` and its index.html, and
 * Pagefind's files, whose web worker runs under its own response's policy; at any prefix):
 * every header of the other pages, with the search page's policy. It repeats them all,
 * Cache-Control too, because nginx drops the add_header lines a location inherits as soon as it
 * has one of its own, and runs no `set` of an enclosing location (the sub-folder set-up).
 * @example nginxSearchLocation()[0] //=> 'location ~ "/search/(index\\.html)?$" {'
 */
export function nginxSearchLocation(): string[] {
  const headers = {
    "Cache-Control": CACHE_CONTROL.page,
    ...SECURITY_HEADERS,
    "Content-Security-Policy": contentSecurityPolicy("header", SEARCH_CSP_DIRECTIVES),
  };
  return [
    `location ~ "${SEARCH_PAGE_PATH}(index\\.html)?$|${SEARCH_INDEX_PATH}[^/]+$" {`,
    ...nginxHeaderLines(headers).map((line) => `    ${line}`),
    "}",
  ];
}

// ---------------------------------------------------------------------------------------------
// Internals

/**
 * Every path a build writes outside assets/, as _headers patterns: articles, the home page's
 * later pages (/page/2/), section pages and their feeds, tag pages and indexes, month archives
 * and their index, author pages and their feeds.
 */
function pagePaths(): string[] {
  const feeds = [FEEDS.atom.path, FEEDS.json.path, SITEMAP_PATH, ROBOTS_PATH];
  const listings = ["/page/*", "/sections/*", "/tags/*", "/archive/*", "/authors/*"];
  return ["/", "/index.html", "/articles/*", ...listings, "/404.html", ...feeds];
}
