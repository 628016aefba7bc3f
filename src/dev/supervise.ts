// Keeps a child process running and restarts it when files under watched paths change (the dev server and src/).

import { spawn, type ChildProcess } from "node:child_process";
import { watch, type FSWatcher } from "node:fs";

export interface SupervisorOptions {
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** Folders (watched recursively) and files whose changes restart the child. */
  watch: readonly string[];
  /** Quiet time after the last change before restarting, so one save restarts once. */
  debounceMs?: number;
  /** Where the supervisor's own messages go. */
  log?: (message: string) => void;
}

export interface Supervisor {
  /** Stops watching and ends the child; resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * Starts `command` and restarts it after changes under `watch`. ES modules stay cached for a
 * process's life, so a fresh process is the only way to run edited source. A child that dies
 * on its own (a syntax error, say) is restarted by the next change.
 * @example const dev = superviseProcess({ command: "node", args: ["server.js"], watch: ["src"] }); await dev.stop();
 */
export function superviseProcess(options: SupervisorOptions): Supervisor {
  const log = options.log ?? ((message: string) => console.error(message));
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  let restarting: Promise<void> | undefined;

  const start = () => {
    const current = spawn(options.command, [...options.args], {
      stdio: "inherit",
      env: options.env ?? process.env,
    });
    child = current;
    exited = new Promise((resolve) => {
      current.once("exit", (code, signal) => {
        if (child === current) {
          child = undefined;
          if (!stopping)
            log(
              `The preview stopped (${signal ?? `exit code ${code}`}); save a file to start it again.`,
            );
        }
        resolve();
      });
    });
  };

  const restart = async () => {
    log("Source changed: restarting the preview.");
    await end();
    if (!stopping) start();
  };

  const end = async () => {
    const current = child;
    child = undefined;
    if (current && current.exitCode === null && current.signalCode === null) {
      current.kill("SIGTERM");
      const force = setTimeout(() => current.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(force);
    }
  };

  const schedule = () => {
    if (stopping) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      // Changes during a restart wait for it, then restart once more.
      restarting = (restarting ?? Promise.resolve()).then(restart);
    }, options.debounceMs ?? 300);
  };

  const watchers: FSWatcher[] = options.watch.map((target) =>
    watch(target, { recursive: true }, schedule),
  );
  start();

  return {
    async stop() {
      stopping = true;
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      await restarting;
      await end();
    },
  };
}
