import { createContentLoader } from "../src/content.ts";
import { buildNavigation } from "../src/navigation.ts";
import { takeSnapshot, choosePages } from "../src/rebuild.ts";
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const load = createContentLoader({ contentDir: process.argv[2]! });
let c = await load(); let nav = buildNavigation(c.articles, c.site);
let last = takeSnapshot(c.articles, nav, "x", undefined);
for (let i = 0; i < 4; i++) {
  let t = cpu(); c = await load(); const a = cpu() - t;
  t = cpu(); nav = buildNavigation(c.articles, c.site); const b = cpu() - t;
  t = cpu(); const snap = takeSnapshot(c.articles, nav, "x", last); const d = cpu() - t;
  t = cpu(); const pages = choosePages(c.articles, nav, snap, last); const e = cpu() - t;
  last = snap;
  console.log({ load: a.toFixed(0), nav: b.toFixed(0), snapshot: d.toFixed(0), choose: e.toFixed(0), n: pages.articles.length + pages.listings.length });
}
