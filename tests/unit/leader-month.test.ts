import { describe, expect, it } from "vitest";
import { chooseLeaderMonth } from "@/app/(staff)/city/_components/leader-month";

const m = (month: string, official: number) => ({ month, official, total: 13 });

describe("the leader's default month", () => {
  it("stays on the latest month with approved reports when a new month has just opened, and offers the new one", () => {
    const r = chooseLeaderMonth([m("2023-09", 13), m("2023-10", 5), m("2023-11", 0)]);
    expect(r).toEqual({ month: "2023-10", nothingApproved: false, newer: { month: "2023-11", official: 0, total: 13 } });
  });

  it("offers nothing newer when the latest opened month has approvals", () => {
    expect(chooseLeaderMonth([m("2023-09", 13), m("2023-10", 5)])).toEqual({ month: "2023-10", nothingApproved: false, newer: null });
  });

  it("shows the newest month, saying nothing is approved, before any approval", () => {
    expect(chooseLeaderMonth([m("2024-01", 0), m("2024-02", 0)])).toEqual({ month: "2024-02", nothingApproved: true, newer: null });
  });

  it("does not depend on the order the months come in", () => {
    expect(chooseLeaderMonth([m("2023-11", 0), m("2023-09", 13), m("2023-10", 2)]).month).toBe("2023-10");
  });

  it("has no month when the campaign has opened none", () => {
    expect(chooseLeaderMonth([])).toEqual({ month: null, nothingApproved: true, newer: null });
  });
});
