import { describe, expect, it } from "vitest";
import { addDays, daysBetween, deadlineState } from "@/app/(staff)/district/_lib/dates";
import { uniqueTouches } from "@/app/(staff)/district/_lib/touches";
import { signingTouches } from "@/app/(staff)/district/signings/touches";
import { daysBehindPlan, parkTouches } from "@/app/(staff)/district/parks/progress";

describe("deadlines of the problems ledger", () => {
  it("counts calendar days across month and year ends", () => {
    expect(daysBetween("2023-10-31", "2023-11-01")).toBe(1);
    expect(daysBetween("2023-12-31", "2024-03-01")).toBe(61);
    expect(daysBetween("2023-11-01", "2023-10-31")).toBe(-1);
    expect(addDays("2023-02-27", 2)).toBe("2023-03-01");
  });
  it("is overdue only after the deadline day, and never once resolved", () => {
    expect(deadlineState("2023-10-20", false, "2023-10-25")).toEqual({ kind: "overdue", days: 5 });
    expect(deadlineState("2023-10-25", false, "2023-10-25")).toEqual({ kind: "due-soon", days: 0 });
    expect(deadlineState("2023-11-01", false, "2023-10-25")).toEqual({ kind: "due-soon", days: 7 });
    expect(deadlineState("2023-11-02", false, "2023-10-25")).toEqual({ kind: "on-time" });
    expect(deadlineState("2023-10-20", true, "2023-10-25")).toEqual({ kind: "none" });
    expect(deadlineState(null, false, "2023-10-25")).toEqual({ kind: "none" });
  });
});

const base = { name: "A", investor: "", amount: 100000, isOverseas: false, isCultureTourism: false, eventId: null, signedOn: "2023-03-10", landedOn: null, isPublic: true };

describe("months a signing write changes", () => {
  it("a new signing touches its signed and landed months", () => {
    expect(signingTouches(null, { ...base, landedOn: "2023-10-02" }).map((t) => [t.month, t.field])).toEqual([
      ["2023-03", "signedOn"],
      ["2023-10", "landedOn"],
    ]);
  });
  it("marking an old signing as landed touches only the landed month", () => {
    expect(signingTouches(base, { ...base, landedOn: "2023-10-02" }).map((t) => t.month)).toEqual(["2023-10"]);
  });
  it("renaming or hiding a signing touches no month", () => {
    expect(signingTouches(base, { ...base, name: "B", investor: "X", isPublic: false, eventId: 3 })).toEqual([]);
  });
  it("changing the amount touches the signed month and, once landed, the landed month", () => {
    const landed = { ...base, landedOn: "2023-09-01" };
    expect(signingTouches(landed, { ...landed, amount: 1 }).map((t) => t.month)).toEqual(["2023-03", "2023-09"]);
  });
  it("moving the signed date touches the old and the new month", () => {
    expect(signingTouches(base, { ...base, signedOn: "2023-10-01" }).map((t) => [t.month, t.label])).toEqual([
      ["2023-10", "签约日期"],
      ["2023-03", "原签约日期"],
    ]);
  });
});

describe("months a park change counts in", () => {
  const building = { status: "construction" as const, plannedTrialOn: "2023-09-30", trialOperationOn: null };
  it("entering trial operation counts in the trial date's month", () => {
    expect(parkTouches(building, { ...building, status: "trial_operation", trialOperationOn: "2023-10-16" }).map((t) => t.month)).toEqual(["2023-10"]);
  });
  it("trial → operating and the planned date change no count", () => {
    const trial = { status: "trial_operation" as const, plannedTrialOn: "2023-05-30", trialOperationOn: "2023-06-26" };
    expect(parkTouches(trial, { ...trial, status: "operating", plannedTrialOn: "2023-06-30" })).toEqual([]);
  });
  it("leaving trial operation touches the old month", () => {
    const trial = { status: "trial_operation" as const, plannedTrialOn: null, trialOperationOn: "2023-06-26" };
    expect(parkTouches(trial, { status: "construction", plannedTrialOn: null, trialOperationOn: null }).map((t) => t.label)).toEqual(["原试运营日期"]);
  });
  it("flags a pilot park past its planned trial date", () => {
    expect(daysBehindPlan({ isPilot: true, status: "construction", plannedTrialOn: "2023-09-30" }, "2023-10-05")).toBe(5);
    expect(daysBehindPlan({ isPilot: true, status: "trial_operation", plannedTrialOn: "2023-09-30" }, "2023-10-05")).toBeNull();
    expect(daysBehindPlan({ isPilot: false, status: "construction", plannedTrialOn: "2023-09-30" }, "2023-10-05")).toBeNull();
  });
});

describe("uniqueTouches", () => {
  it("keeps one touch per month and field and skips empty entries", () => {
    const t = { month: "2023-10", field: "signedOn", label: "签约日期" };
    expect(uniqueTouches([t, false, null, { ...t, label: "原签约日期" }])).toEqual([t]);
  });
});
