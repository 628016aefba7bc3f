import { describe, expect, it } from "vitest";
import { ContentError, formatProblem, formatReport } from "../src/problems.ts";

describe("the problem report", () => {
  it("writes one line per problem, compiler style", () => {
    expect(
      formatProblem({ file: "content/articles/x.md", line: 4, field: "date", message: "bad" }),
    ).toBe("content/articles/x.md:4: date: bad");
    expect(formatProblem({ file: "a.md", line: 2, column: 7, message: "YAML: oops" })).toBe(
      "a.md:2:7: YAML: oops",
    );
    expect(formatProblem({ file: "a.md", message: "not UTF-8" })).toBe("a.md: not UTF-8");
  });

  it("sorts by file and line and ends with a count", () => {
    const report = formatReport([
      { file: "b.md", line: 3, field: "slug", message: "x" },
      { file: "a.md", line: 9, field: "date", message: "y" },
      { file: "a.md", line: 2, field: "title", message: "z" },
    ]);
    expect(report.split("\n")).toEqual([
      "a.md:2: title: z",
      "a.md:9: date: y",
      "b.md:3: slug: x",
      "3 problems in 2 files",
    ]);
    expect(
      formatReport([{ file: "a.md", message: "m" }])
        .split("\n")
        .at(-1),
    ).toBe("1 problem in 1 file");
  });

  it("carries every problem in the error", () => {
    const error = new ContentError([{ file: "a.md", message: "m" }]);
    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain("a.md: m");
  });
});
