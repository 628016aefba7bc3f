// Reads markdown-it's fixture format (header line, ".", input, ".", expected HTML, ".").

import { readFileSync } from "node:fs";

export interface Fixture {
  header: string;
  input: string;
  expected: string;
  line: number;
}

/** Parses every fixture in a file; throws on a malformed file so a typo cannot hide cases. */
export function readFixtures(file: string): Fixture[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const fixtures: Fixture[] = [];
  let index = 0;
  while (index < lines.length) {
    if (lines[index + 1] !== "." || (lines[index] ?? "").trim() === "") {
      index += 1;
      continue;
    }
    const header = lines[index] ?? "";
    const line = index + 1;
    const input: string[] = [];
    const expected: string[] = [];
    index += 2;
    while (index < lines.length && lines[index] !== ".") input.push(lines[index++] ?? "");
    index += 1;
    while (index < lines.length && lines[index] !== ".") expected.push(lines[index++] ?? "");
    if (index >= lines.length)
      throw new Error(`${file}:${line}: fixture "${header}" is not closed with "."`);
    index += 1;
    fixtures.push({
      header,
      input: `${input.join("\n")}\n`,
      expected: expected.length ? `${expected.join("\n")}\n` : "",
      line,
    });
  }
  if (fixtures.length === 0) throw new Error(`${file}: no fixtures found`);
  return fixtures;
}
