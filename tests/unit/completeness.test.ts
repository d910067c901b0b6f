import { describe, expect, it } from "vitest";
import { classify, countMonth, stateLabel, timelinessLabel } from "@/app/(staff)/city/completeness/status";

const due = "2023-10-05";

describe("completeness board cells", () => {
  it("judges on time by the submission date in Asia/Shanghai, not UTC", () => {
    // 2023-10-05 15:59 UTC is 23:59 on the 5th in Shanghai: on time; 16:30 UTC is already the 6th: one day late.
    expect(classify({ status: "approved", submittedAt: "2023-10-05T15:59:00.000Z", dueOn: due, locked: false })).toMatchObject({ timeliness: "on_time", submittedOn: "2023-10-05" });
    const late = classify({ status: "approved", submittedAt: "2023-10-05T16:30:00.000Z", dueOn: due, locked: false });
    expect(late).toMatchObject({ timeliness: "late", daysLate: 1, submittedOn: "2023-10-06" });
    expect(timelinessLabel(late)).toBe("逾期 1 天");
  });

  it("calls a month with no report 缺报 once the due date has passed, 未报送 before", () => {
    const after = classify({ status: null, submittedAt: null, dueOn: due, locked: false }, "2023-10-06");
    expect([stateLabel(after), timelinessLabel(after)]).toEqual(["缺报", "已过截止日"]);
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
    expect(countMonth(cells)).toEqual({ total: 5, approved: 2, submitted: 0, returned: 1, draft: 1, missing: 1, onTime: 2, late: 1 });
  });
});
