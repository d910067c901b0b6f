import { describe, expect, it } from "vitest";
import { classify, countMonth, stateLabel, timelinessLabel, timelinessSentence } from "@/app/(staff)/city/completeness/status";

const due = "2023-10-05";

describe("completeness board cells", () => {
  it("judges on time by the submission date in Asia/Shanghai, not UTC", () => {
    // 2023-10-05 15:59 UTC is 23:59 on the 5th in Shanghai: on time; 16:30 UTC is already the 6th: one day late.
    expect(classify({ status: "approved", submittedAt: "2023-10-05T15:59:00.000Z", dueOn: due, locked: false })).toMatchObject({ timeliness: "on_time", submittedOn: "2023-10-05" });
    const late = classify({ status: "approved", submittedAt: "2023-10-05T16:30:00.000Z", dueOn: due, locked: false });
    expect(late).toMatchObject({ timeliness: "late", daysLate: 1, daysOverdue: null, submittedOn: "2023-10-06" });
    expect(timelinessLabel(late)).toBe("截止后 1 天报送");
  });

  it("calls a month with no report 缺报 once the due date has passed, 未报送 before", () => {
    const after = classify({ status: null, submittedAt: null, dueOn: due, locked: false }, "2023-10-06");
    expect([stateLabel(after), timelinessLabel(after)]).toEqual(["缺报", "逾期 1 天"]);
    const before = classify({ status: null, submittedAt: null, dueOn: due, locked: false }, "2023-10-05");
    expect([stateLabel(before), timelinessLabel(before)]).toEqual(["未报送", "未到截止日"]);
  });

  it("counts a month's states and timeliness", () => {
    const cells = [
      classify({ status: "approved", submittedAt: "2023-10-04T08:30:00.000Z", dueOn: due, locked: true }),
      classify({ status: "approved", submittedAt: "2023-10-08T08:30:00.000Z", dueOn: due, locked: true }),
      classify({ status: "returned", submittedAt: "2023-10-04T08:30:00.000Z", dueOn: due, locked: false }),
      classify({ status: "draft", submittedAt: null, dueOn: due, locked: false }, "2023-11-01"),
      classify({ status: null, submittedAt: null, dueOn: due, locked: false }, "2023-11-01"),
    ];
    expect(countMonth(cells)).toEqual({ total: 5, approved: 2, submitted: 0, returned: 1, draft: 1, missing: 1, onTime: 2, late: 1, backfilled: 0, overdue: 2 });
  });
});

describe("lateness against each month's own deadline", () => {
  const campaign = { setupOn: "2023-02-16", endsOn: "2023-12-31" };

  it("counts 逾期 days from the month's own due date only while the report is still not submitted", () => {
    const sept = classify({ status: "draft", submittedAt: null, dueOn: "2023-10-05", locked: false }, "2023-10-20", campaign);
    const oct = classify({ status: null, submittedAt: null, dueOn: "2023-11-05", locked: false }, "2023-11-20", campaign);
    expect([timelinessLabel(sept), timelinessLabel(oct)]).toEqual(["逾期 15 天", "逾期 15 天"]);
    expect(sept.daysOverdue).toBe(15);
  });

  it("states a submitted report's lateness as the fact of when it came in, never as 逾期", () => {
    const c = classify({ status: "approved", submittedAt: "2023-10-08T08:30:00.000Z", dueOn: "2023-10-05", locked: false }, "2026-07-05", campaign);
    expect(timelinessLabel(c)).toBe("截止后 3 天报送");
    expect(c.daysOverdue).toBeNull();
  });

  it("does not report a back-filled month of a campaign set up after its deadline as hundreds of days late", () => {
    // A 2024 campaign set up in the system in 2026: March 2024 (due 2024-04-05) is history being entered.
    const past = { setupOn: "2026-06-20", endsOn: "2024-12-31" };
    const entered = classify({ status: "approved", submittedAt: "2026-07-04T02:00:00.000Z", dueOn: "2024-04-05", locked: false }, "2026-07-05", past);
    expect(entered).toMatchObject({ timeliness: "backfilled", daysLate: null, daysOverdue: null });
    expect(timelinessLabel(entered)).toBe("补录");
    const notYet = classify({ status: null, submittedAt: null, dueOn: "2024-04-05", locked: false }, "2026-07-05", past);
    expect([stateLabel(notYet), timelinessLabel(notYet)]).toEqual(["缺报", "已过截止日"]);
    expect(countMonth([entered, notYet])).toMatchObject({ late: 0, backfilled: 1, overdue: 0 });
  });

  it("keeps imported history's own timestamps: a report submitted before the campaign was set up is judged on its dates", () => {
    const c = classify({ status: "approved", submittedAt: "2023-10-08T08:30:00.000Z", dueOn: "2023-10-05", locked: true }, "2026-12-03", { setupOn: "2026-12-01", endsOn: "2023-12-31" });
    expect(timelinessLabel(c)).toBe("截止后 3 天报送");
  });

  it("stops counting days for a month still missing once the campaign has ended", () => {
    const c = classify({ status: null, submittedAt: null, dueOn: "2023-11-05", locked: false }, "2026-12-03", campaign);
    expect(c).toMatchObject({ timeliness: "past_due", daysOverdue: null });
    expect(timelinessLabel(c)).toBe("已过截止日");
  });
});

describe("the bulletin's timeliness sentence", () => {
  const counts = { total: 13, approved: 5, submitted: 3, returned: 2, draft: 2, missing: 1, onTime: 9, late: 1, backfilled: 0, overdue: 0 };

  it("states a late submission as days after the deadline, not as 逾期", () => {
    const s = timelinessSentence(counts, ["洛江区晚 3 天"], []);
    expect(s).toBe("按时报送 9 个，截止后报送 1 个（洛江区晚 3 天）。");
    expect(s).not.toContain("逾期");
  });

  it("says 逾期 only of reports still not submitted, and counts back-filled months apart", () => {
    expect(timelinessSentence({ ...counts, late: 0, onTime: 8, backfilled: 2, overdue: 3 }, [], ["晋江市逾期 5 天", "洛江区逾期 5 天", "泉州台商投资区逾期 5 天"])).toBe(
      "按时报送 8 个，补录 2 个（截止日早于专项在系统中建立，不计迟报）。截止日已过仍未报送 3 个（晋江市逾期 5 天、洛江区逾期 5 天、泉州台商投资区逾期 5 天）。",
    );
  });
});
