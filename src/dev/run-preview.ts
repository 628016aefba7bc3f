// npm start's preview process: the builds (src/build/watch-preview.ts) and the server that shows them.

import { watchPreview } from "../build/watch-preview.ts";
import { startPreviewServer, type PreviewServer } from "./preview-server.ts";

export interface PreviewOptions {
  host: string;
  port: number;
  /** The preview's own folder (one per port: two previews never write into each other's). */
  output: string;
}

/**
 * Builds the site into `output`, serves it, and reloads the open pages after every rebuild;
 * resolves once the server listens.
 * @example const preview = await runPreview({ host: "127.0.0.1", port: 8080, output: ".sahifa-preview-8080" });
 */
export async function runPreview(options: PreviewOptions): Promise<PreviewServer> {
  const preview = await watchPreview(options.output);
  const server = await startPreviewServer({
    host: options.host,
    port: options.port,
    root: options.output,
    preview,
  });
  preview.written = () => server.reload();
  return server;
}
