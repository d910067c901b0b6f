import { describe, expect, it } from "vitest";
import { needsMonthValue, type MonthFilterFacts } from "@/domain/project-month-filter";

const building: MonthFilterFacts = { stage: "under_construction", actualStartOn: "2023-03-10", actualCompletionOn: null, entryInvestment: null };

describe("projects that need an investment figure for a month", () => {
  it("includes a project under construction and one that started in the month", () => {
    expect(needsMonthValue(building, "2023-10")).toBe(true);
    expect(needsMonthValue({ ...building, actualStartOn: "2023-10-31" }, "2023-10")).toBe(true);
  });
  it("excludes a project that starts after the month or has not started", () => {
    expect(needsMonthValue({ ...building, actualStartOn: "2023-11-01" }, "2023-10")).toBe(false);
    expect(needsMonthValue({ ...building, stage: "preparing", actualStartOn: null }, "2023-10")).toBe(false);
  });
  it("includes a project completed in the month or later, excludes one completed before it", () => {
    expect(needsMonthValue({ ...building, stage: "completed", actualCompletionOn: "2023-10-01" }, "2023-10")).toBe(true);
    expect(needsMonthValue({ ...building, stage: "completed", actualCompletionOn: "2023-09-30" }, "2023-10")).toBe(false);
  });
  it("excludes a suspended project, but keeps any project that already has a figure for the month", () => {
    expect(needsMonthValue({ ...building, stage: "suspended" }, "2023-10")).toBe(false);
    expect(needsMonthValue({ ...building, stage: "completed", actualCompletionOn: "2023-05-30", entryInvestment: 0 }, "2023-10")).toBe(true);
  });
});
