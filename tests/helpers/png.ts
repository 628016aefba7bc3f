// Reads a PNG's pixel size from its IHDR chunk (PNG spec, 11.2.2), to check built images.

/** Width and height of a PNG; throws on anything that is not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(bytes);
  const signature = "89504e470d0a1a0a";
  if (
    view.subarray(0, 8).toString("hex") !== signature ||
    view.toString("latin1", 12, 16) !== "IHDR"
  ) {
    throw new Error("not a PNG");
  }
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}
