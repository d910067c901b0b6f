import { describe, expect, it } from "vitest";
import { parseInvestment, registerSchema, stageSchema } from "@/app/(staff)/district/projects/schemas";

function stageErrors(stage: string, actualStartOn = "", actualCompletionOn = ""): Record<string, string> {
  const r = stageSchema.safeParse({ stage, actualStartOn, actualCompletionOn });
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe("stage and actual dates", () => {
  it("requires a start date for a project under construction and forbids a completion date", () => {
    expect(stageErrors("under_construction")).toEqual({ actualStartOn: "在建项目必须填写实际开工日期" });
    expect(stageErrors("under_construction", "2023-10-08", "2023-10-09")).toHaveProperty("actualCompletionOn");
    expect(stageErrors("under_construction", "2023-10-08")).toEqual({});
  });
  it("requires both dates for a completed project, completion not before start", () => {
    expect(stageErrors("completed", "", "2023-10-20")).toEqual({ actualStartOn: "已建成的项目必须填写实际开工日期" });
    expect(stageErrors("completed", "2023-10-08")).toEqual({ actualCompletionOn: "已建成的项目必须填写实际建成日期" });
    expect(stageErrors("completed", "2023-10-08", "2023-10-01")).toEqual({ actualCompletionOn: "实际建成日期不能早于实际开工日期" });
    expect(stageErrors("completed", "2023-10-08", "2023-10-08")).toEqual({});
  });
  it("allows no actual dates while preparing, and a start but no completion while suspended", () => {
    expect(stageErrors("preparing")).toEqual({});
    expect(stageErrors("preparing", "2023-10-08")).toHaveProperty("actualStartOn");
    expect(stageErrors("suspended", "2023-10-08")).toEqual({});
    expect(stageErrors("suspended", "2023-10-08", "2023-10-09")).toHaveProperty("actualCompletionOn");
  });
  it("rejects dates that do not exist and unknown stages", () => {
    expect(stageErrors("under_construction", "2023-02-30")).toHaveProperty("actualStartOn");
    expect(stageErrors("finished")).toHaveProperty("stage");
  });
});

describe("register fields", () => {
  const valid = {
    code: "JJ-2023-001",
    name: "晋江测试项目",
    sectorId: "1",
    actionId: "",
    owner: "",
    totalInvestment: "12.5",
    annualPlannedInvestment: "３亿元",
    plannedStartOn: "",
    plannedCompletionOn: "",
    isKey: "1",
    isPublic: "",
    description: "",
  };
  it("stores 亿元 amounts as whole 万元 and reads full-width digits and a trailing unit", () => {
    const r = registerSchema.parse(valid);
    expect(r).toMatchObject({ totalInvestment: 125_000, annualPlannedInvestment: 30_000, actionId: null, isKey: true, isPublic: false });
  });
  it("refuses a blank amount instead of reading it as zero", () => {
    const r = registerSchema.safeParse({ ...valid, totalInvestment: "" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("请填写总投资（亿元）");
  });
  it("refuses an annual plan larger than the total investment", () => {
    const r = registerSchema.safeParse({ ...valid, annualPlannedInvestment: "13" });
    expect(r.error?.issues.map((i) => i.path[0])).toEqual(["annualPlannedInvestment"]);
  });
});

describe("monthly investment", () => {
  it("keeps blank apart from zero", () => {
    expect(parseInvestment("")).toEqual({ kind: "missing" });
    expect(parseInvestment("0")).toEqual({ kind: "ok", base: 0 });
    expect(parseInvestment("1,234万元")).toEqual({ kind: "ok", base: 1234 });
    expect(parseInvestment("abc").kind).toBe("error");
    expect(parseInvestment("1.5").kind).toBe("error");
  });
});
