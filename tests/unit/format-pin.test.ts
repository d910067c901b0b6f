import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatterOutputs } from "./format-pin.cases";

/*
 * The texts every formatter gave before they moved into domain/format/ (issue #16), pinned in
 * format-pin.expected.json (written once from the old functions with PIN_WRITE=1). A page's
 * numbers and dates read exactly as before: same rounding, dash, separators, units, locale.
 */
const file = path.join(__dirname, "format-pin.expected.json");

describe("formatters keep every page's text", () => {
  const actual = formatterOutputs();
  if (process.env.PIN_WRITE === "1") writeFileSync(file, JSON.stringify(actual, null, 1) + "\n");
  const expected = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;

  it("covers every pinned case, and only those", () => {
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))("%s → %s", (key, text) => {
    expect(actual[key]).toBe(text);
  });
});
