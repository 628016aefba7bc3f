// Runs the Nu HTML Checker (vnu.jar from the vnu-jar package) on the system Java and returns its messages.

import { execFile } from "node:child_process";
import { createRequire } from "node:module";

export interface NuMessage {
  type: "error" | "info" | "non-document-error";
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/**
 * Checks HTML files in one Java run (the JVM's start-up is most of the cost).
 * @example (await checkHtml(["_site/index.html"])).filter((m) => m.type === "error") //=> []
 */
export async function checkHtml(files: readonly string[]): Promise<NuMessage[]> {
  const jar = String(require("vnu-jar"));
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      "java",
      ["-jar", jar, "--format", "json", "--stdout", "--exit-zero-always", ...files],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, out) => {
        if (error && (error as NodeJS.ErrnoException).code === "ENOENT") {
          reject(
            new Error(
              "No java on PATH: install it with `apt-get install default-jre-headless` (Java 11 or later).",
            ),
          );
        } else if (error) {
          reject(error);
        } else {
          resolve(out);
        }
      },
    );
  });
  return (JSON.parse(stdout) as { messages: NuMessage[] }).messages;
}

const require = createRequire(import.meta.url);
