// The host files beside the code: the GitHub Pages workflow, netlify.toml and .nvmrc say what a deploy needs, and agree with package.json and the headers every build writes.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../helpers/sites.ts";

const read = (file: string) => readFile(path.join(ROOT, file), "utf8");

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

interface Workflow {
  on: { push?: { branches?: string[] }; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  jobs: Record<
    string,
    { needs?: string; environment?: { name: string }; steps: Step[]; "runs-on": string }
  >;
}

describe(".github/workflows/pages.yml", () => {
  const workflow = async () => parse(await read(".github/workflows/pages.yml")) as Workflow;
  const action = (steps: Step[], name: string) =>
    steps.find((step) => step.uses?.startsWith(`${name}@`));

  it("builds on a push to main with Node from .nvmrc, npm ci and npm run build", async () => {
    const { on, jobs } = await workflow();
    expect(on.push?.branches).toEqual(["main"]);
    const steps = jobs["build"]?.steps ?? [];
    expect(action(steps, "actions/checkout")).toBeDefined();
    expect(action(steps, "actions/setup-node")?.with?.["node-version-file"]).toBe(".nvmrc");
    const build = steps.find((step) => step.run?.includes("npm run build"));
    expect(build?.run).toBe("npm ci && npm run build");
  });

  it("takes the site's address from configure-pages' base_url, as SAHIFA_URL", async () => {
    const steps = (await workflow()).jobs["build"]?.steps ?? [];
    const pages = action(steps, "actions/configure-pages");
    expect(pages?.id).toMatch(/^[a-z_-]+$/);
    const build = steps.find((step) => step.run?.includes("npm run build"));
    expect(build?.env?.["SAHIFA_URL"]).toBe(`\${{ steps.${pages?.id}.outputs.base_url }}`);
    // configure-pages runs first: the address exists when the build starts.
    expect(steps.indexOf(pages ?? {})).toBeLessThan(steps.indexOf(build ?? {}));
  });

  it("uploads _site and deploys it with the Pages actions and the permissions they need", async () => {
    const { jobs, permissions } = await workflow();
    const upload = action(jobs["build"]?.steps ?? [], "actions/upload-pages-artifact");
    expect(upload?.with?.["path"]).toBe("_site");
    expect(jobs["deploy"]?.needs).toBe("build");
    expect(jobs["deploy"]?.environment?.name).toBe("github-pages");
    expect(action(jobs["deploy"]?.steps ?? [], "actions/deploy-pages")).toBeDefined();
    expect(permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
  });
});

describe("netlify.toml", () => {
  it("builds with SAHIFA_URL from Netlify's address and publishes _site", async () => {
    const config = parseSimpleToml(await read("netlify.toml"));
    expect(config["build"]).toEqual({
      command: 'SAHIFA_URL="$URL" npm run build',
      publish: "_site",
    });
    for (const context of ["context.deploy-preview", "context.branch-deploy"]) {
      expect(config[context]?.["command"], context).toBe(
        'SAHIFA_URL="$DEPLOY_PRIME_URL" npm run build',
      );
    }
  });

  it("leaves the headers to _headers and Node's version to .nvmrc, so the hosts agree", async () => {
    const config = parseSimpleToml(await read("netlify.toml"));
    expect(Object.keys(config).filter((table) => table.includes("headers"))).toEqual([]);
    expect(JSON.stringify(config)).not.toContain("NODE_VERSION");
  });

  it("is read by a parser strict enough to refuse what it does not know", () => {
    expect(() => parseSimpleToml("[build]\ncommand = npm run build\n")).toThrow(/line 2/);
    expect(() => parseSimpleToml("[[headers]]\n")).toThrow(/line 1/);
  });
});

describe(".nvmrc", () => {
  it("names a Node major that package.json's engines accept", async () => {
    const nvmrc = await read(".nvmrc");
    expect(nvmrc).toMatch(/^\d+\n$/);
    const engines = (JSON.parse(await read("package.json")) as { engines: { node: string } })
      .engines.node;
    const major = Number(nvmrc.trim());
    // nvm, setup-node, Netlify and Cloudflare Pages install the newest release of that major.
    expect(satisfies([major, 999, 999], engines), engines).toBe(true);
    expect(satisfies([19, 999, 999], ">=20.19 <21 || >=22")).toBe(false);
    expect(satisfies([21, 999, 999], ">=20.19 <21 || >=22")).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

/**
 * The TOML netlify.toml uses, and nothing more: comments, `[table]` headers and `key = "text"`
 * lines (with \" escapes). Anything else throws, naming the line, so the check cannot pass on a
 * line it did not understand.
 */
function parseSimpleToml(text: string): Record<string, Record<string, string>> {
  const tables: Record<string, Record<string, string>> = {};
  let table: Record<string, string> | undefined;
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const header = /^\[([a-z][a-z.-]*)\]$/.exec(line);
    if (header?.[1]) {
      table = tables[header[1]] = {};
      return;
    }
    const pair = /^([a-z_]+) = "((?:[^"\\]|\\")*)"$/i.exec(line);
    if (!pair?.[1] || pair[2] === undefined || !table) {
      throw new Error(`netlify.toml line ${index + 1}: not understood: ${line}`);
    }
    table[pair[1]] = pair[2].replaceAll('\\"', '"');
  });
  return tables;
}

/** Whether a version meets an npm range made of `||` alternatives of `>=`/`<` comparators. */
function satisfies(version: readonly number[], range: string): boolean {
  const compare = (a: readonly number[], b: readonly number[]) =>
    a.map((part, index) => part - (b[index] ?? 0)).find((difference) => difference !== 0) ?? 0;
  return range.split("||").some((alternative) =>
    alternative
      .trim()
      .split(/\s+/)
      .every((comparator) => {
        const match = /^(>=|<)(\d+(?:\.\d+){0,2})$/.exec(comparator);
        if (!match?.[1] || !match[2]) throw new Error(`unknown comparator ${comparator}`);
        const bound = match[2].split(".").map(Number);
        return match[1] === ">=" ? compare(version, bound) >= 0 : compare(version, bound) < 0;
      }),
  );
}
