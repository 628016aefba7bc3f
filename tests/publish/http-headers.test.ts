import { describe, expect, it } from "vitest";
import {
  CACHE_CONTROL,
  contentSecurityPolicy,
  CSP_DIRECTIVES,
  headersFile,
  nginxHeaderLines,
  nginxSearchLocation,
  SEARCH_CSP_DIRECTIVES,
  SECURITY_HEADERS,
} from "../../src/publish/http-headers.ts";

const directives = (policy: string) =>
  new Map(
    policy.split("; ").map((directive) => {
      const [name = "", ...sources] = directive.split(" ");
      return [name, sources];
    }),
  );

describe("contentSecurityPolicy", () => {
  it("allows no script at all (the pages run none), no inline style, no plugins and no <base>", () => {
    const policy = directives(contentSecurityPolicy("header"));
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'none'"]);
    expect(policy.get("style-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(contentSecurityPolicy("header")).not.toMatch(/unsafe-|data:|https:|\*/);
  });

  it("leaves frame-ancestors out of the <meta> policy, where browsers ignore it", () => {
    const meta = directives(contentSecurityPolicy("meta"));
    expect(meta.has("frame-ancestors")).toBe(false);
    expect(meta.size).toBe(Object.keys(CSP_DIRECTIVES).length - 1);
    expect(meta.get("script-src")).toEqual(["'none'"]);
  });

  it("gives the search page its own scripts and WebAssembly, and nothing else more", () => {
    const search = directives(contentSecurityPolicy("header", SEARCH_CSP_DIRECTIVES));
    expect(search.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    const pages = directives(contentSecurityPolicy("header"));
    for (const [name, sources] of pages) {
      if (name !== "script-src") expect(search.get(name), name).toEqual(sources);
    }
    expect(search.size).toBe(pages.size);
    // WebAssembly only: no eval, no inline script.
    expect(contentSecurityPolicy("header", SEARCH_CSP_DIRECTIVES)).not.toMatch(
      /'unsafe-eval'|'unsafe-inline'|data:|https:|\*/,
    );
  });
});

describe("SECURITY_HEADERS", () => {
  it("asks for https for a year, refuses powerful features and carries the policy", () => {
    expect(SECURITY_HEADERS["Strict-Transport-Security"]).toBe("max-age=31536000");
    const features = (SECURITY_HEADERS["Permissions-Policy"] ?? "").split(", ");
    expect(features).toEqual(expect.arrayContaining(["camera=()", "geolocation=()"]));
    for (const feature of features) expect(feature).toMatch(/^[a-z-]+=\(\)$/);
    expect(SECURITY_HEADERS["Content-Security-Policy"]).toBe(contentSecurityPolicy("header"));
  });

  it("is what nginx is told to send, one add_header line each, errors included", () => {
    expect(nginxHeaderLines()).toEqual(
      Object.entries(SECURITY_HEADERS).map(([name, value]) => {
        expect(value).not.toContain('"');
        return `add_header ${name} "${value}" always;`;
      }),
    );
  });

  it("has nginx send the search page's policy at /search/ alone, with every other header", () => {
    const lines = nginxSearchLocation();
    expect(lines[0]).toBe('location ~ "/search/(index\\.html)?$|/pagefind/[^/]+$" {');
    expect(lines.at(-1)).toBe("}");
    const headers = new Map(
      lines.slice(1, -1).map((line) => {
        const [, name = "", value] = /^ {4}add_header ([\w-]+) "([^"]*)" always;$/.exec(line) ?? [];
        return [name, value];
      }),
    );
    expect(headers.get("Content-Security-Policy")).toBe(
      contentSecurityPolicy("header", SEARCH_CSP_DIRECTIVES),
    );
    expect(headers.get("Cache-Control")).toBe(CACHE_CONTROL.page);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (name !== "Content-Security-Policy") expect(headers.get(name), name).toBe(value);
    }
    expect(headers.size).toBe(Object.keys(SECURITY_HEADERS).length + 1);
    const pattern = new RegExp(/"(.*)"/.exec(lines[0] ?? "")?.[1] ?? "^$");
    expect(["/search/", "/news/search/index.html"].every((path) => pattern.test(path))).toBe(true);
    expect(["/search/x/", "/articles/search/x", "/"].some((path) => pattern.test(path))).toBe(
      false,
    );
  });
});

describe("headersFile", () => {
  it("sends every security header on every path, the same list nginx sends", () => {
    const [catchAll] = headersFile({ pathPrefix: "/" }).split(/\n(?=\/)/);
    expect(catchAll).toBe(
      [
        "/*",
        ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
      ].join("\n"),
    );
    expect(Object.keys(SECURITY_HEADERS)).toEqual(
      expect.arrayContaining(["Strict-Transport-Security", "Permissions-Policy"]),
    );
  });

  it("prefixes every rule with the site's path and puts the policy on /*", () => {
    const text = headersFile({ pathPrefix: "/news/" });
    const paths = text.split("\n").filter((line) => line !== "" && !line.startsWith(" "));
    expect(paths[0]).toBe("/news/*");
    for (const path of paths) expect(path.startsWith("/news/")).toBe(true);
    expect(text).toContain(
      `  Content-Security-Policy: ${SECURITY_HEADERS["Content-Security-Policy"]}`,
    );
    expect(text).toContain(`/news/assets/*\n  Cache-Control: ${CACHE_CONTROL.hashed}`);
    expect(text).toContain(`/news/feed.xml\n  Cache-Control: ${CACHE_CONTROL.page}`);
  });

  it("never sets Cache-Control on the catch-all rule (hosts would join it onto the others)", () => {
    const [catchAll] = headersFile({ pathPrefix: "/" }).split(/\n(?=\/)/);
    expect(catchAll?.startsWith("/*\n")).toBe(true);
    expect(catchAll).not.toContain("Cache-Control");
  });
});

describe("headersFile with search", () => {
  const rules = (text: string) =>
    new Map(
      text
        .trimEnd()
        .split(/\n(?=\/)/)
        .map((rule) => {
          const [path = "", ...lines] = rule.split("\n");
          return [
            path,
            new Map(lines.map((line) => line.trim().split(": ", 2) as [string, string])),
          ];
        }),
    );

  it("moves the policy off /* onto each path, so the search page's is the only one it is sent", () => {
    const file = rules(headersFile({ pathPrefix: "/news/" }, true, true));
    const all = file.get("/news/*");
    expect(all?.has("Content-Security-Policy")).toBe(false);
    expect(all?.get("Strict-Transport-Security")).toBe("max-age=31536000");
    const pagesPolicy = SECURITY_HEADERS["Content-Security-Policy"];
    const searchPolicy = contentSecurityPolicy("header", SEARCH_CSP_DIRECTIVES);
    expect(file.get("/news/search/*")?.get("Content-Security-Policy")).toBe(searchPolicy);
    for (const [path, headers] of file) {
      if (path === "/news/*") continue;
      expect(path.startsWith("/news/"), path).toBe(true);
      const search = path === "/news/search/*" || path === "/news/pagefind/*";
      const expected = search ? searchPolicy : pagesPolicy;
      expect(headers.get("Content-Security-Policy"), path).toBe(expected);
      expect(headers.has("Cache-Control"), path).toBe(true);
    }
    // Every kind of page still has its rule: articles, lists, the 404, the index's files.
    expect([...file.keys()]).toEqual(
      expect.arrayContaining(["/news/", "/news/articles/*", "/news/404.html", "/news/pagefind/*"]),
    );
  });

  it("keeps the file as it was for a site without search", () => {
    expect(headersFile({ pathPrefix: "/" }, true, false)).toBe(
      headersFile({ pathPrefix: "/" }, true),
    );
    expect(headersFile({ pathPrefix: "/" })).not.toContain("search");
  });
});
