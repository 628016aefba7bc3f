// The published folder: which folder a build may replace, where a new build is written, and the swap that puts it in place.

import { randomBytes } from "node:crypto";
import { lstat, mkdir, readdir, readlink, rename, rm, rmdir, symlink } from "node:fs/promises";
import path from "node:path";
import type { Problem } from "../content/problems.ts";

/**
 * How the output path holds the site: `link`, a symbolic link to the newest build, replaced
 * atomically (readers never find the path missing); `folder`, a real folder, replaced by two
 * renames (for CI hosts that upload the folder and may not follow a link). docs/publishing.md.
 */
export type OutputLayout = "link" | "folder";

/** The hidden sibling of the output path that holds its builds: `.sahifa-builds/<output name>/`. */
export const BUILDS_FOLDER = ".sahifa-builds";

/**
 * The layout a build uses when none is asked for: a real folder on CI (`CI` set, as GitHub
 * Actions, Netlify and Cloudflare Pages set it), a link everywhere else.
 * @example outputLayoutFromEnv({ CI: "true" }) //=> "folder"
 * @example outputLayoutFromEnv({}) //=> "link"
 */
export function outputLayoutFromEnv(env: { CI?: string | undefined }): OutputLayout {
  const ci = env.CI?.trim().toLowerCase();
  return ci && ci !== "false" && ci !== "0" ? "folder" : "link";
}

/**
 * Reads the `--layout` flag.
 * @example parseOutputLayout("folder") //=> "folder"
 * @example parseOutputLayout(undefined) //=> undefined
 */
export function parseOutputLayout(value: string | undefined): OutputLayout | undefined {
  if (value === undefined || value === "link" || value === "folder") return value;
  throw new Error(`--layout ${value}: expected link or folder`);
}

/**
 * Whether Sahifa may replace `outputDir` whole: yes (undefined) when it is missing, an empty
 * folder, a link into its own `.sahifa-builds/`, or a folder with the files every Sahifa build
 * writes; otherwise the problem to report, naming the path and what to do.
 * Nothing is changed. The output may not be the content folder (`contentDir`, default `content`)
 * or hold it. The build calls it first; the preview should call it before clearing its folder.
 * @example await checkOutputFolder("_site") //=> undefined
 * @example await checkOutputFolder("content") //=> { file: "content", message: { en: "…", ar: "…" } }
 */
export async function checkOutputFolder(
  outputDir: string,
  options: { contentDir?: string | undefined } = {},
): Promise<Problem | undefined> {
  const output = path.resolve(outputDir);
  const content = path.resolve(options.contentDir ?? "content");
  const file = shownPath(output);
  if (isWithin(content, output)) {
    return { file, message: holdsContent(shownPath(content)) };
  }
  const info = await lstatOrUndefined(output);
  if (info === undefined) return undefined;
  if (info.isSymbolicLink()) {
    const target = await readlink(output);
    if (isOwnLink(output, target)) return undefined;
    return { file, message: foreignLink(target, path.resolve(path.dirname(output), target)) };
  }
  if (!info.isDirectory()) return { file, message: notAFolder() };
  const names = await readdir(output);
  if (names.length === 0 || (await isSahifaOutput(output, names))) return undefined;
  return { file, message: foreignFolder() };
}

/**
 * Creates the folder a new build is written into, `.sahifa-builds/<name>/building-<pid>-<id>/`
 * beside the output (same file system, so it can be renamed into place), with the umask's
 * permissions. Leftovers of killed builds are removed first: their own folders, and the
 * `.<name>.building-*` folders of builds made before this layout.
 * @example await startBuildFolder("/srv/_site") //=> "/srv/.sahifa-builds/_site/building-4242-1a2b3c4d"
 */
export async function startBuildFolder(outputDir: string): Promise<string> {
  const output = path.resolve(outputDir);
  const builds = buildsOf(output);
  await mkdir(builds, { recursive: true });
  await removeLeftovers(output, new Set(await readdir(builds)));
  const folder = path.join(builds, `building-${process.pid}-${randomBytes(4).toString("hex")}`);
  await mkdir(folder);
  return folder;
}

/**
 * Puts a finished build in place of the output. `link`: the output becomes (or stays) a link,
 * and a new link renamed over it swaps the site in one step; the site it replaced is kept until
 * the next build, so a reader half-way through it is not cut off. The first link replaces a
 * real folder by two renames, once. `folder`: the old output is renamed away and the build
 * renamed in. Every other build beside the output is removed afterwards.
 * @example await publishBuildFolder(folder, "_site", "link") // _site -> .sahifa-builds/_site/site-1a2b3c4d
 */
export async function publishBuildFolder(
  folder: string,
  outputDir: string,
  layout: OutputLayout,
): Promise<void> {
  const output = path.resolve(outputDir);
  const builds = buildsOf(output);
  const id = path.basename(folder).split("-").at(-1) ?? "";
  const before = await lstatOrUndefined(output);
  if (layout === "folder") {
    if (before !== undefined) await rename(output, path.join(builds, `retired-${id}`));
    await rename(folder, output);
    await removeLeftovers(output, new Set());
    await rmdir(builds).catch(() => undefined);
    await rmdir(path.dirname(builds)).catch(() => undefined);
    return;
  }
  const site = `site-${id}`;
  await rename(folder, path.join(builds, site));
  let previous = before?.isSymbolicLink() ? path.basename(await readlink(output)) : undefined;
  if (before !== undefined && !before.isSymbolicLink()) {
    // A real folder (built before links, with --layout folder, or made empty by hand) cannot be
    // swapped with a link in one step: it becomes the previous site, a moment before the link.
    previous = `site-${randomBytes(4).toString("hex")}`;
    await rename(output, path.join(builds, previous));
  }
  const link = path.join(builds, `link-${process.pid}-${id}`);
  await symlink(linkTarget(output, site), link);
  await rename(link, output);
  await removeLeftovers(output, new Set([site, ...(previous === undefined ? [] : [previous])]));
}

/**
 * Removes a build folder that will not be published (the build failed).
 * @example await discardBuildFolder(folder)
 */
export async function discardBuildFolder(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------

function buildsOf(output: string): string {
  return path.join(path.dirname(output), BUILDS_FOLDER, path.basename(output));
}

/** The link's text, relative to the output's folder, so the project can be moved whole. */
function linkTarget(output: string, site: string): string {
  return [BUILDS_FOLDER, path.basename(output), site].join("/");
}

function isOwnLink(output: string, target: string): boolean {
  const [folder, name, site, ...rest] = target.split("/");
  return (
    folder === BUILDS_FOLDER &&
    name === path.basename(output) &&
    /^site-[0-9a-f]+$/.test(site ?? "") &&
    rest.length === 0
  );
}

/**
 * Removes, beside the output: builds whose process is gone, temporary links, retired outputs,
 * finished sites other than `keep` (all finished sites are kept when `keep` holds them all), and
 * the staging folders of builds made before this layout (`.<name>.building-*`).
 */
async function removeLeftovers(output: string, keep: ReadonlySet<string>): Promise<void> {
  const builds = buildsOf(output);
  const names = await readdir(builds).catch(() => []);
  const stale = names.filter((name) => {
    const builder = /^(?:building|link)-(\d+)-/.exec(name)?.[1];
    if (builder !== undefined) return !isRunning(Number(builder));
    if (name.startsWith("retired-")) return true;
    return name.startsWith("site-") && !keep.has(name);
  });
  const olderPrefix = `.${path.basename(output)}.building-`;
  const older = (await readdir(path.dirname(output))).filter(
    (name) =>
      /^[A-Za-z0-9]{6}(?:\.previous)?$/.test(name.slice(olderPrefix.length)) &&
      name.startsWith(olderPrefix),
  );
  await Promise.all([
    ...stale.map((name) => rm(path.join(builds, name), { recursive: true, force: true })),
    ...older.map((name) =>
      rm(path.join(path.dirname(output), name), { recursive: true, force: true }),
    ),
  ]);
}

/** Whether a process with this id is alive (this one included); EPERM means alive, not ours. */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * A site Sahifa built, as a real folder (`--layout folder`, a copy in a web root, or any build
 * before the link layout): the home, 404 and feed files, and the hashed stylesheet under
 * assets/, which every build has written since the first. No marker file of our own: it would
 * be uploaded to every host and served.
 */
async function isSahifaOutput(dir: string, names: readonly string[]): Promise<boolean> {
  if (!["index.html", "404.html", "feed.xml", "assets"].every((name) => names.includes(name)))
    return false;
  const assets = await readdir(path.join(dir, "assets")).catch(() => []);
  return assets.some((name) => /^sahifa\.(?:[a-z]+\.)?[0-9a-f]{10}\.css$/.test(name));
}

async function lstatOrUndefined(target: string) {
  try {
    return await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Whether `inner` is `outer` or inside it. */
function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** A path as the person running the command typed it: relative to here, unless it is elsewhere. */
function shownPath(target: string): string {
  const relative = path.relative(process.cwd(), target);
  return relative.startsWith("..") || relative === "" ? target : relative;
}

function holdsContent(content: string) {
  return {
    en: `the output folder may not be the content folder (${content}) or a folder that holds it: Sahifa replaces its output folder whole. Nothing was written or deleted. Choose another folder with --output, such as _site.`,
    ar: `لا يجوز أن يكون مجلد الإخراج هو مجلد المحتوى (${content}) ولا مجلدًا يحويه، لأن Sahifa يستبدل مجلد الإخراج كاملًا. لم يُكتب شيء ولم يُحذف شيء. اختر مجلدًا آخر بالخيار --output، مثل _site.`,
  };
}

function foreignFolder() {
  return {
    en: "this folder holds other files and is not a site Sahifa built, so Sahifa will not replace it. Nothing was written or deleted. Build into an empty or new folder (--output), or move those files elsewhere first.",
    ar: "في هذا المجلد ملفات أخرى، وليس موقعًا بناه Sahifa، فلن يستبدله. لم يُكتب شيء ولم يُحذف شيء. ابنِ الموقع في مجلد فارغ أو جديد (--output)، أو انقل تلك الملفات إلى مكان آخر أولًا.",
  };
}

function foreignLink(target: string, resolved: string) {
  return {
    en: `this is a symbolic link to ${target}, which Sahifa did not make, so Sahifa will neither replace it nor write through it. Nothing was written or deleted. To publish into that folder, build with --output ${resolved}; or remove the link.`,
    ar: `هذا رابط رمزي إلى ${target} لم ينشئه Sahifa، فلن يستبدله ولن يكتب عبره. لم يُكتب شيء ولم يُحذف شيء. لنشر الموقع في ذلك المجلد ابنِه بالخيار --output ${resolved}، أو احذف الرابط.`,
  };
}

function notAFolder() {
  return {
    en: "this is a file, not a folder, so Sahifa will not replace it. Nothing was written or deleted. Choose another folder with --output, or move the file away.",
    ar: "هذا ملف وليس مجلدًا، فلن يستبدله Sahifa. لم يُكتب شيء ولم يُحذف شيء. اختر مجلدًا آخر بالخيار --output، أو انقل الملف إلى مكان آخر.",
  };
}
