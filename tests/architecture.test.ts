// The shape docs/architecture.md describes, checked on the code: layers import only the layers before them, no module keeps mutable state, Eleventy is touched only at the edges.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/sites.ts";

/** src/ folders, lowest first: a module may import its own folder and the folders before it. */
const LAYERS = [
  "types",
  "arabic",
  "content",
  "site",
  "publish",
  "assets",
  "templates",
  "pages",
  "build",
  "dev",
] as const;

/** Module state allowed, and why (each says so in a comment beside it). */
const STATE_ALLOWED: Readonly<Record<string, string>> = {};

const SRC = path.join(ROOT, "src");

function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|js|mjs)$/.test(entry.name))
    .map((entry) =>
      path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"),
    )
    .sort();
}

/** The relative modules a file imports (static imports, re-exports and dynamic imports). */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:^|[\s;])(?:import|export)\s[^"'`;]*?from\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|new URL\(\s*["'](\.[^"']+)["']/g;
  for (const match of text.matchAll(pattern)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (specifier) found.push(specifier);
  }
  return found;
}

function layerOf(file: string): number {
  const folder = file.split("/")[1] ?? "";
  return LAYERS.indexOf(folder as (typeof LAYERS)[number]);
}

/** Lines at the top level of a module that declare state it could change. */
export function moduleState(text: string): string[] {
  return text
    .split("\n")
    .filter(
      (line) =>
        /^(?:export\s+)?(?:let|var)\s/.test(line) ||
        /^(?:export\s+)?const\s+\w+\s*=\s*new\s+(?:Map|Set|WeakMap|WeakSet)\b/.test(line) ||
        /^(?:export\s+)?const\s+\w+\s*:\s*(?!\s|Readonly)[^=]*=\s*new\s+(?:Map|Set|WeakMap|WeakSet)\b/.test(
          line,
        ),
    );
}

describe("the layers of src/", () => {
  const files = sourceFiles();

  it("every source file sits in a known layer folder", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((file) => layerOf(file) === -1)).toEqual([]);
  });

  it("no module imports a layer above its own", () => {
    const upward: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      for (const specifier of importsOf(text)) {
        if (!specifier.startsWith(".")) continue;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
        if (layerOf(target) > layerOf(file)) upward.push(`${file} imports ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it("only .eleventy.ts and src/build/ touch Eleventy itself", () => {
    const touching = files.filter(
      (file) =>
        !file.startsWith("src/build/") &&
        !file.startsWith("src/types/") &&
        importsOf(readFileSync(path.join(ROOT, file), "utf8")).includes("@11ty/eleventy"),
    );
    expect(touching).toEqual([]);
  });
});

describe("module state", () => {
  it("no module of src/ keeps a variable or a cache of its own (a build's live in its context)", () => {
    const found: string[] = [];
    for (const file of sourceFiles()) {
      if (file in STATE_ALLOWED) continue;
      const text = readFileSync(path.join(ROOT, file), "utf8");
      for (const line of moduleState(text)) found.push(`${file}: ${line.trim()}`);
    }
    expect(found).toEqual([]);
  });

  it("the allowed exceptions still exist and still need the exception", () => {
    for (const file of Object.keys(STATE_ALLOWED)) {
      expect(moduleState(readFileSync(path.join(ROOT, file), "utf8")), file).not.toEqual([]);
    }
  });
});

describe("the checks themselves", () => {
  it("find imports of every form, and state of every form", () => {
    const text = [
      'import { a } from "../site/urls.ts";',
      'import type { B } from "../templates/page-data.ts";',
      'export { c } from "./c.ts";',
      'import "./side-effect.ts";',
      'const d = await import("../build/plugin.ts");',
      'const w = new Worker(new URL("./worker.ts", import.meta.url));',
    ].join("\n");
    expect(importsOf(text)).toEqual([
      "../site/urls.ts",
      "../templates/page-data.ts",
      "./c.ts",
      "./side-effect.ts",
      "../build/plugin.ts",
      "./worker.ts",
    ]);
    expect(
      moduleState(
        [
          "let count = 0;",
          "export let shared;",
          "const CACHE = new Map<string, string>();",
          "const SEEN: Set<string> = new Set();",
          'const KNOWN: ReadonlySet<string> = new Set(["a"]);',
          "const LIMIT = 3;",
          "  let inner = 1;",
        ].join("\n"),
      ),
    ).toEqual([
      "let count = 0;",
      "export let shared;",
      "const CACHE = new Map<string, string>();",
      "const SEEN: Set<string> = new Set();",
    ]);
  });
});
