// One caller at a time for wawoff2 (Google's WOFF2 codec in WebAssembly): subset-font uses it through fontverter, site-images.ts directly.

/** Runs work once every earlier call's work through the same lock has settled. */
export type Woff2Lock = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * A lock for wawoff2's calls. wawoff2 answers with a view into its WebAssembly memory, which its
 * next call reuses: with two decompressions at once, a view still being written to a file was
 * seen overwritten (a corrupt face, so a share card drawn without its text, now and then, when
 * the site images and the font subsets were made together). A build makes one (its context's
 * `woff2`) and every use of wawoff2 in it goes through that lock and copies what it needs before
 * it returns. Builds in one process run one after another, so one lock per build is enough.
 * @example const oneAtATime = createWoff2Lock(); const ttf = await oneAtATime(async () => Buffer.from(await wawoff2.decompress(woff2)));
 */
export function createWoff2Lock(): Woff2Lock {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
}
