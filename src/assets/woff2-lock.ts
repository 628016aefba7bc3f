// One caller at a time for wawoff2 (Google's WOFF2 codec in WebAssembly): subset-font uses it through fontverter, site-images.ts directly.

/**
 * Runs `work` once every earlier call's work has settled. wawoff2 answers with a view into its
 * WebAssembly memory, which its next call reuses: with two decompressions at once, a view still
 * being written to a file was seen overwritten (a corrupt face, so a share card drawn without
 * its text, now and then, when the site images and the font subsets were made together). Every
 * use of wawoff2 in the build goes through here, and copies what it needs before it returns.
 * @example const ttf = await oneWoff2AtATime(async () => Buffer.from(await wawoff2.decompress(woff2)));
 */
export function oneWoff2AtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

// The one piece of module state in src/ (tests/architecture.test.ts names it): the WebAssembly
// instance it guards is loaded once per process and shared by every build in it, so its lock
// must be too. It remembers nothing about any site.
let queue: Promise<unknown> = Promise.resolve();
