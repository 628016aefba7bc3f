// Builds a fixture site through the real pipeline (src/build/build-site.ts) into a temporary folder.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";

export interface BuiltFixture {
  /** The built _site folder. */
  site: string;
  /** Removes everything the build wrote. */
  remove(): Promise<void>;
}

/** The publishing fixture: four articles (one draft, one English), hostile headline included. */
export const PUBLISHING_FIXTURE = path.resolve(import.meta.dirname, "../fixtures/sites/publishing");

/**
 * Builds `content` as if deployed at `url` (SAHIFA_URL), the way `npm run build` does (with
 * `precompress`, as `npm run build -- --precompress` does). The
 * environment is restored afterwards; builds in one test file must not overlap.
 */
export async function buildFixture(
  content: string,
  url?: string,
  options: { precompress?: boolean } = {},
): Promise<BuiltFixture> {
  const workDir = await mkdtemp(path.join(tmpdir(), "sahifa-fixture-"));
  const site = path.join(workDir, "_site");
  const saved = { content: process.env.SAHIFA_CONTENT, url: process.env.SAHIFA_URL };
  process.env.SAHIFA_CONTENT = content;
  if (url === undefined) delete process.env.SAHIFA_URL;
  else process.env.SAHIFA_URL = url;
  try {
    await buildSite({ outputDir: site, ...options });
  } finally {
    restore("SAHIFA_CONTENT", saved.content);
    restore("SAHIFA_URL", saved.url);
  }
  return { site, remove: () => rm(workDir, { recursive: true, force: true }) };
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
