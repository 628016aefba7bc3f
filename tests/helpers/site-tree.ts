// Reads a built site folder as { relative path → sha256 } for byte-for-byte comparisons.

import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export async function hashTree(root: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  const names = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const name of names) {
    tree[name] = createHash("sha256")
      .update(await readFile(path.join(root, name)))
      .digest("hex");
  }
  return tree;
}
