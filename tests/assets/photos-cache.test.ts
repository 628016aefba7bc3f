import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  truncate,
  utimes,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  putPhotoFile,
  createPhotoCache,
  type PublishedPhoto,
} from "../../src/assets/photo-cache.ts";
import { DEFAULT_PHOTO_PLAN, processPhoto, type PhotoPlan } from "../../src/assets/photos.ts";
import { samplePhoto } from "../../scripts/bench-photos.ts";

/** The default plan with the fastest AVIF and WebP efforts and fewer widths: what is checked here is the cache. */
const QUICK: PhotoPlan = {
  ...DEFAULT_PHOTO_PLAN,
  widths: [360, 720],
  avif: { ...DEFAULT_PHOTO_PLAN.avif, effort: 0 },
  webp: { ...DEFAULT_PHOTO_PLAN.webp, effort: 0 },
};

let folder = "";
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "sahifa-photo-cache-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function fresh(name: string): Promise<string> {
  const place = path.join(folder, name);
  await mkdir(place, { recursive: true });
  return place;
}

/** processPhoto, counted: how many times sharp was asked to make a photo's outputs, and the most at once. */
function counted() {
  const count = { calls: 0, active: 0, most: 0 };
  const process: typeof processPhoto = async (source, plan) => {
    count.calls += 1;
    count.active += 1;
    count.most = Math.max(count.most, count.active);
    try {
      return await processPhoto(source, plan);
    } finally {
      count.active -= 1;
    }
  };
  return { count, process };
}

function published(
  result: Awaited<ReturnType<ReturnType<typeof createPhotoCache>["publish"]>>,
): PublishedPhoto {
  if (!result.ok) throw new Error(result.message.en);
  return result;
}

describe("createPhotoCache", () => {
  it("processes a source once: a second build finds it on disk and makes no sharp call", async () => {
    const place = await fresh("hit");
    const source = path.join(place, "Port of Gaza.jpg");
    await writeFile(source, await samplePhoto(11, 800, 600));
    const cache = path.join(place, "cache");

    const first = counted();
    const cold = published(
      await createPhotoCache({ folder: cache, plan: QUICK, process: first.process }).publish(
        source,
      ),
    );
    expect(first.count.calls).toBe(1);

    const second = counted();
    const build = createPhotoCache({ folder: cache, plan: QUICK, process: second.process });
    const warm = published(await build.publish(source));
    expect(second.count.calls).toBe(0);
    expect(build.stats).toEqual({ hits: 1, misses: 0, read: 1 });
    expect(warm).toEqual(cold);
    expect(warm.files[0]?.name).toMatch(/^port-of-gaza-[0-9a-f]{10}-360\.avif$/);

    // the files it names are there, whole, and are linked into a site (no bytes copied)
    const site = await fresh("hit-site");
    for (const file of warm.files) {
      await putPhotoFile(file, path.join(site, file.name));
      expect((await stat(path.join(site, file.name))).ino).toBe(
        (await stat(file.source as string)).ino,
      );
      const metadata = await sharp(path.join(site, file.name)).metadata();
      expect({ width: metadata.width, height: metadata.height }).toEqual({
        width: file.width,
        height: file.height,
      });
    }
    expect((await readdir(site)).length).toBe(warm.files.length);
  });

  it("finds an unchanged source by its stats after remember(), without reading it; reads it again once it is written to", async () => {
    const place = await fresh("remember");
    const source = path.join(place, "port.jpg");
    // Two photos padded to one length (JPEG decoders stop at the end marker), so that a rewrite
    // can keep the size and the modification time: only the change time tells.
    const [a, b] = [await samplePhoto(15, 500, 400), await samplePhoto(16, 500, 400)];
    const length = Math.max(a.length, b.length) + 16;
    const padded = (bytes: Buffer) => Buffer.concat([bytes, Buffer.alloc(length - bytes.length)]);
    await writeFile(source, padded(a));
    const cache = path.join(place, "cache");
    const build = () => createPhotoCache({ folder: cache, plan: QUICK, settleMs: 0 });

    const first = build();
    const cold = published(await first.publish(source));
    expect(first.stats).toEqual({ hits: 0, misses: 1, read: 1 });
    await first.remember();

    const second = build();
    expect(published(await second.publish(source))).toEqual(cold);
    expect(second.stats).toEqual({ hits: 1, misses: 0, read: 0 });
    await second.remember();

    // A build that shows no photo (or another site sharing the cache) forgets nothing of it.
    await build().remember();
    const afterOther = build();
    published(await afterOther.publish(source));
    expect(afterOther.stats.read).toBe(0);

    // Without remember(), the next build reads the source again.
    const other = path.join(place, "other");
    published(await createPhotoCache({ folder: other, plan: QUICK, settleMs: 0 }).publish(source));
    const unremembered = createPhotoCache({ folder: other, plan: QUICK, settleMs: 0 });
    published(await unremembered.publish(source));
    expect(unremembered.stats.read).toBe(1);

    // The same size and modification time, other bytes: the change time moved, so it is read.
    const { mtime } = await stat(source);
    await writeFile(source, padded(b));
    await utimes(source, mtime, mtime);
    expect((await stat(source)).size).toBe(length);
    const third = build();
    const changed = published(await third.publish(source));
    expect(third.stats.read).toBe(1);
    expect(changed.key).not.toBe(cold.key);

    // Written within settleMs of the build: read again next time, its stats notwithstanding.
    const cautious = createPhotoCache({ folder: cache, plan: QUICK, settleMs: 60_000 });
    published(await cautious.publish(source));
    await cautious.remember();
    const after = createPhotoCache({ folder: cache, plan: QUICK, settleMs: 60_000 });
    published(await after.publish(source));
    expect(after.stats.read).toBe(1);
  });

  it("processes again when the photo's bytes or the plan change, not when its name does", async () => {
    const place = await fresh("keys");
    const cache = path.join(place, "cache");
    const source = path.join(place, "a.jpg");
    await writeFile(source, await samplePhoto(12, 500, 400));
    const { count, process } = counted();
    const build = () => createPhotoCache({ folder: cache, plan: QUICK, process });

    const a = published(await build().publish(source));
    const renamed = path.join(place, "renamed.jpg");
    await writeFile(renamed, await readFile(source));
    const b = published(await build().publish(renamed));
    expect(count.calls).toBe(1);
    expect(b.key).toBe(a.key);
    expect(b.files[0]?.name).toBe(a.files[0]?.name.replace(/^a-/, "renamed-"));

    await writeFile(source, await samplePhoto(13, 500, 400));
    published(await build().publish(source));
    expect(count.calls).toBe(2);

    const other = createPhotoCache({
      folder: cache,
      plan: { ...QUICK, jpeg: { quality: 70 } },
      process,
    });
    published(await other.publish(renamed));
    expect(count.calls).toBe(3);
  });

  it("makes a photo used by many articles once, however many ask at once, and at most `inFlight` photos at a time", async () => {
    const place = await fresh("flight");
    const sources = await Promise.all(
      [21, 22, 23, 24].map(async (seed) => {
        const file = path.join(place, `${seed}.jpg`);
        await writeFile(file, await samplePhoto(seed, 400, 300));
        return file;
      }),
    );
    const { count, process } = counted();
    const build = createPhotoCache({
      folder: path.join(place, "cache"),
      plan: QUICK,
      process,
      inFlight: 2,
    });
    const results = await Promise.all(
      [...sources, ...sources, ...sources].map((file) => build.publish(file)),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(count.calls).toBe(4);
    expect(count.most).toBe(2);
    expect(build.stats).toEqual({ hits: 0, misses: 4, read: 4 });
  });

  it("keeps one whole entry when two builds make the same photo at once, and no leftovers", async () => {
    const place = await fresh("race");
    const source = path.join(place, "p.jpg");
    await writeFile(source, await samplePhoto(17, 500, 400));
    const cache = path.join(place, "cache");
    const builds = [1, 2].map(() => createPhotoCache({ folder: cache, plan: QUICK }));
    const [a, b] = await Promise.all(
      builds.map(async (build) => published(await build.publish(source))),
    );
    expect(builds.map((build) => build.stats)).toEqual([
      { hits: 0, misses: 1, read: 1 },
      { hits: 0, misses: 1, read: 1 },
    ]);
    expect(b).toEqual(a);
    expect(await entries(cache)).toEqual({ complete: [a?.key], partial: [] });
    for (const file of a?.files ?? [])
      expect((await readFile(file.source as string)).length).toBe(file.bytes);
  });

  it("takes an entry with a cut-off file as a miss and makes it again", async () => {
    const place = await fresh("cut");
    const source = path.join(place, "p.jpg");
    await writeFile(source, await samplePhoto(14, 500, 400));
    const cache = path.join(place, "cache");
    const first = published(await createPhotoCache({ folder: cache, plan: QUICK }).publish(source));
    const victim = first.files[1]?.source;
    expect(typeof victim).toBe("string");
    await truncate(victim as string, 10);

    const { count, process } = counted();
    const again = published(
      await createPhotoCache({ folder: cache, plan: QUICK, process }).publish(source),
    );
    expect(count.calls).toBe(1);
    expect((await readFile(again.files[1]?.source as string)).length).toBe(again.files[1]?.bytes);
  });

  it("passes a refusal on, and does not cache it", async () => {
    const place = await fresh("refused");
    const whole = await samplePhoto(15, 500, 400);
    const source = path.join(place, "cut.jpg");
    await writeFile(source, whole.subarray(0, whole.length / 2));
    const build = createPhotoCache({ folder: path.join(place, "cache"), plan: QUICK });
    expect(await build.publish(source)).toMatchObject({ ok: false, reason: "corrupt" });
    expect(await build.publish(path.join(place, "gone.jpg"))).toMatchObject({
      ok: false,
      reason: "missing",
    });
    await writeFile(source, whole);
    expect(
      (await createPhotoCache({ folder: path.join(place, "cache"), plan: QUICK }).publish(source))
        .ok,
    ).toBe(true);
  });

  it("gives the same bytes for the same photo in two processes", async () => {
    const place = await fresh("twice");
    const source = path.join(place, "same.jpg");
    await writeFile(source, await samplePhoto(16, 1300, 900));
    // one after the other: two first runs of tsx at once can race on its compile cache
    const runs = [];
    for (const name of ["one", "two"])
      runs.push(await child(["publish", source, path.join(place, name)], undefined));
    const [one, two] = runs.map(
      (run) => JSON.parse(run.stdout) as { name: string; sha256: string }[],
    );
    expect(one?.length).toBeGreaterThan(15);
    expect(two).toEqual(one);
  });

  it("leaves no bad entry when the process is killed while writing; a later build cleans up and finishes", async () => {
    const place = await fresh("killed");
    const sources = await Promise.all(
      Array.from({ length: 12 }, async (_, index) => {
        const file = path.join(place, `k${index}.jpg`);
        await writeFile(file, await samplePhoto(30 + index, 700, 500));
        return file;
      }),
    );
    const cache = path.join(place, "cache");
    // killed as soon as its first entry is in place, while the others are being encoded and written
    const run = await child(
      ["publish-all", cache, ...sources],
      async () => (await entries(cache)).complete.length > 0,
    );
    expect(run.signal).toBe("SIGKILL");
    const left = await entries(cache);
    expect(left.complete.length).toBeLessThan(12);

    const { count, process } = counted();
    const build = createPhotoCache({ folder: cache, plan: QUICK, process });
    const photos = await Promise.all(
      sources.map(async (file) => published(await build.publish(file))),
    );
    expect(build.stats.hits).toBe(left.complete.length);
    expect(count.calls).toBe(12 - left.complete.length);
    for (const photo of photos)
      for (const file of photo.files) {
        const metadata = await sharp(file.source as string).metadata();
        expect(metadata.width).toBe(file.width);
      }
    const after = await entries(cache);
    expect(after.complete.length).toBe(12);
    // a leftover of a killed writer is removed when its photo is next made
    expect(
      after.partial.filter((name) => left.complete.every((key) => !name.includes(key))),
    ).toEqual([]);
  });
});

/** The cache's entries: complete ones by key, and `.partial` folders. */
async function entries(cache: string): Promise<{ complete: string[]; partial: string[] }> {
  const complete: string[] = [];
  const partial: string[] = [];
  for (const shard of await readdir(cache).catch(() => [] as string[]))
    for (const name of await readdir(path.join(cache, shard)).catch(() => [] as string[])) {
      if (name.endsWith(".partial")) partial.push(name);
      else complete.push(name);
    }
  return { complete, partial };
}

const CHILD = `
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createPhotoCache } from ${JSON.stringify(new URL("../../src/assets/photo-cache.ts", import.meta.url).href)};
import { DEFAULT_PHOTO_PLAN } from ${JSON.stringify(new URL("../../src/assets/photos.ts", import.meta.url).href)};
const [command, ...rest] = process.argv.slice(2);
if (command === "publish") {
  const [source, cache] = rest;
  const photo = await createPhotoCache({ folder: cache }).publish(source);
  const files = [];
  for (const file of photo.files) files.push({ name: file.name, sha256: createHash("sha256").update(await readFile(file.source)).digest("hex") });
  console.log(JSON.stringify(files));
} else {
  const [cache, ...sources] = rest;
  const plan = { ...DEFAULT_PHOTO_PLAN, widths: [360, 720], avif: { quality: 50, effort: 0 }, webp: { quality: 75, effort: 0 } };
  const build = createPhotoCache({ folder: cache, plan, inFlight: 2 });
  await Promise.all(sources.map((source) => build.publish(source)));
}
`;

/** Runs CHILD in its own Node process (tsx from NODE_OPTIONS); `killWhen` is polled and, once true, the child is killed. */
async function child(
  args: readonly string[],
  killWhen: (() => Promise<boolean>) | undefined,
): Promise<{ stdout: string; signal: NodeJS.Signals | null }> {
  const script = path.join(
    folder,
    `child-${createHash("sha256").update(args.join()).digest("hex").slice(0, 8)}.mts`,
  );
  await writeFile(script, CHILD);
  const running = spawn(process.execPath, [script, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  running.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  running.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<NodeJS.Signals | null>((resolve) =>
    running.on("close", (_, signal) => resolve(signal)),
  );
  if (killWhen) {
    let exited = false;
    void done.then(() => (exited = true));
    while (!exited && !(await killWhen())) await new Promise((resolve) => setTimeout(resolve, 5));
    running.kill("SIGKILL");
  }
  const signal = await done;
  if (!killWhen && stderr) throw new Error(stderr);
  return { stdout, signal };
}
