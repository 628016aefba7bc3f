import { describe, expect, it } from "vitest";
import {
  CACHE_CONTROL,
  contentSecurityPolicy,
  CSP_DIRECTIVES,
  headersFile,
  nginxHeaderLines,
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
