// npm start's preview (scripts/preview.ts) run for a test: started on a free port, its log kept, stopped with its process group.

import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../../scripts/bench-process.ts";

export interface PreviewProcess {
  readonly process: ChildProcess;
  readonly port: number;
  /** Everything it printed so far. */
  log(): string;
  /** Stops it and its children, and waits until it has exited. */
  stop(): Promise<void>;
}

/**
 * Starts the preview of `content`, building into `output`.
 * @example const preview = await startPreview(content, output); … await preview.stop();
 */
export async function startPreview(content: string, output: string): Promise<PreviewProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/preview.ts", `--port=${port}`, `--output=${output}`],
    {
      env: { ...process.env, NODE_OPTIONS: "", SAHIFA_CONTENT: content },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  return {
    process: child,
    port,
    log: () => log,
    async stop() {
      if (child.pid === undefined || child.exitCode !== null) return;
      const closed = new Promise((resolve) => child.once("close", resolve));
      process.kill(-child.pid, "SIGTERM");
      await closed;
    },
  };
}
