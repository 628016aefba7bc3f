// The process npm start supervises: src/dev/run-preview.ts with the host, port and folder scripts/dev.ts gives it.

import { parseArgs } from "node:util";
import { isLoopback } from "../src/dev/preview-server.ts";
import { runPreview } from "../src/dev/run-preview.ts";

const { values } = parseArgs({
  options: {
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "8080" },
    output: { type: "string", default: ".sahifa-preview-8080" },
  },
});

try {
  const preview = await runPreview({ ...values, port: Number(values.port) });
  const { address, port } = preview.address;
  const host = isLoopback(address) ? "localhost" : address.includes(":") ? `[${address}]` : address;
  console.log(`Sahifa preview: http://${host}:${port}/`);
} catch (error) {
  const code = (error as { code?: string } | null)?.code;
  if (code !== "EADDRINUSE") throw error;
  console.error(
    `Port ${values.port} is in use (another preview?): npm start -- --port <another port>\n` +
      `المنفذ ${values.port} مشغول (معاينة أخرى؟): npm start -- --port <منفذ آخر>`,
  );
  process.exit(1);
}
