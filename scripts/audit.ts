// npm run audit: loads each page kind in Chromium under slow 4G and a 4× slower CPU, runs Lighthouse, writes docs/page-weight.md.

import { writeFile, mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import { availableParallelism, loadavg } from "node:os";
import lighthouse from "lighthouse";
import { buildTemporarySite, pageKinds } from "./lib/built-site.ts";
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
  combineRuns,
  kb,
  LIGHTHOUSE_CATEGORIES,
  renderReport,
  total,
  type LighthouseCategory,
  type PageLoad,
} from "./lib/page-budget.ts";
import { startStaticServer } from "./lib/static-server.ts";

const REPORT = "docs/page-weight.md";
const RUNS = 3;
const LIGHTHOUSE_VERSION = "12.2.3";

const site = await buildTemporarySite();
const server = await startStaticServer({ root: site.root, compress: true });
const port = await freePort();
const browser = await launchChromium([`--remote-debugging-port=${port}`]);
try {
  const loads: PageLoad[] = [];
  let benchmarkIndex = 0;
  // One unmeasured load first: a freshly started browser spends its first page warming its own
  // caches (fonts, code), which a reader's already-running browser has done long before.
  await measurePage(browser, server.url);
  for (const { kind, file, path } of pageKinds(site.htmlFiles)) {
    const url = new URL(path.slice(1), server.url).href;
    const runs = [];
    const harsher = [];
    for (let run = 0; run < RUNS; run += 1) {
      runs.push(await measurePage(browser, url, { network: SLOW_4G }));
      harsher.push(await measurePage(browser, url, { network: SLOW_4G_DEVTOOLS }));
    }
    const { lcp: harsherLcp, cls: harsherCls } = combineRuns(harsher);
    // Lighthouse refuses to audit a page answered with 404: it reads the not-found page at its own URL.
    const lighthouseUrl = kind === "404" ? new URL(file, server.url).href : url;
    const { benchmark, ...scores } = await runLighthouse(lighthouseUrl, port);
    benchmarkIndex = Math.max(benchmarkIndex, benchmark);
    const load: PageLoad = {
      kind,
      path,
      ...combineRuns(runs),
      harsherNetwork: { lcp: harsherLcp, cls: harsherCls },
      ...scores,
    };
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
  await mkdir("docs", { recursive: true });
  await writeFile(
    REPORT,
    renderReport(loads, {
      runs: RUNS,
      harsherNetwork: SLOW_4G_DEVTOOLS.name,
      benchmarkIndex,
      load: { average: loadavg()[0] ?? 0, cores: availableParallelism() },
      network: SLOW_4G.name,
      cpu: `${CPU_SLOWDOWN}× slowdown (CDP Emulation.setCPUThrottlingRate)`,
      viewport: `${MOBILE_VIEWPORT.width}×${MOBILE_VIEWPORT.height} at ${MOBILE_VIEWPORT.deviceScaleFactor}× (Lighthouse's mobile screen)`,
      browser: browser.version(),
      lighthouse: LIGHTHOUSE_VERSION,
    }),
  );
  console.log(`Wrote ${REPORT}`);
  if (loads.some((load) => checkBudget(load).length > 0)) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
  await site.remove();
}

/** Lighthouse's accessibility, best-practices and SEO scores for a page, and the audits that lost points. */
async function runLighthouse(
  url: string,
  port: number,
): Promise<{
  lighthouse: Record<LighthouseCategory, number>;
  lighthouseFailures: string[];
  benchmark: number;
}> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: [...LIGHTHOUSE_CATEGORIES],
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
        failures.push(`${name}: ${audit.title}`);
    }
  }
  if (result.lhr.runtimeError)
    failures.push(`Lighthouse could not run: ${result.lhr.runtimeError.message}`);
  return {
    lighthouse: scores,
    lighthouseFailures: failures,
    benchmark: result.lhr.environment.benchmarkIndex,
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
