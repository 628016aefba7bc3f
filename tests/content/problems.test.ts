import { describe, expect, it } from "vitest";
import { ContentError, formatProblem, formatReport, plural } from "../../src/content/problems.ts";

describe("formatProblem", () => {
  it("writes file, line, column, field and message compiler-style", () => {
    expect(
      formatProblem({ file: "content/articles/x.md", line: 4, field: "date", message: "bad" }),
    ).toBe("content/articles/x.md:4: date: bad");
    expect(formatProblem({ file: "a.md", line: 2, column: 9, message: "YAML: x" })).toBe(
      "a.md:2:9: YAML: x",
    );
    expect(formatProblem({ file: "a.md", message: "the file is missing" })).toBe(
      "a.md: the file is missing",
    );
  });

  it("marks warnings", () => {
    expect(formatProblem({ file: "a.txt", severity: "warning", message: "not an article" })).toBe(
      "a.txt: warning: not an article",
    );
  });
});

describe("formatReport", () => {
  it("sorts by file, line and column, and ends with the count", () => {
    const report = formatReport([
      { file: "b.md", line: 3, message: "three" },
      { file: "a.md", line: 9, message: "nine" },
      { file: "b.md", line: 1, message: "one" },
      { file: "c.txt", severity: "warning", message: "w" },
    ]);
    expect(report.split("\n")).toEqual([
      "a.md:9: nine",
      "b.md:1: one",
      "b.md:3: three",
      "c.txt: warning: w",
      "3 problems in 2 files (and 1 warning)",
    ]);
  });

  it("is the message of a ContentError, with no stack in it", () => {
    const error = new ContentError([
      { file: "a.md", line: 1, field: "title", message: "is required" },
    ]);
    expect(error.message).toBe("a.md:1: title: is required\n1 problem in 1 file");
  });
});

describe("plural", () => {
  it("adds an s except for one", () => {
    expect([plural(0, "page"), plural(1, "page"), plural(2, "page")]).toEqual([
      "0 pages",
      "1 page",
      "2 pages",
    ]);
  });
});
