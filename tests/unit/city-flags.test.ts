import { describe, expect, it } from "vitest";
import { flagText, indexFlags, type FlagFacts } from "@/app/(staff)/city/_components/flags";

const base = { month: "2023-10", districtName: "鲤城区", indicatorName: null, projectId: null, projectName: null, projectIsKey: null, note: "" } as const;
const figure: FlagFacts = { ...base, id: 1, districtId: 1, subject: "figure", indicatorId: 10, indicatorName: "城建项目完成投资", message: "本月值为上月的 12 倍", note: "含一次性结算" };
const keyProject: FlagFacts = { ...base, id: 2, districtId: 2, districtName: "丰泽区", subject: "project", indicatorId: null, projectId: 7, projectName: "某大道", projectIsKey: true, message: "超过剩余年度计划" };
const otherProject: FlagFacts = { ...keyProject, id: 3, projectId: 8, projectIsKey: false };
const indicators = [
  { id: 10, derivation: null },
  { id: 11, derivation: { rule: "project_investment", params: { keyOnly: true } } },
  { id: 12, derivation: { rule: "project_investment", params: { keyOnly: false } } },
  { id: 13, derivation: { rule: "projects_started", params: { keyOnly: true } } },
];

describe("flag marks on city pages", () => {
  it("marks a figure's indicator for the city and for its district only", () => {
    const ix = indexFlags([figure], indicators, "all");
    expect(ix.city(10).map((f) => f.id)).toEqual([1]);
    expect(ix.cell(10, 1).map((f) => f.id)).toEqual([1]);
    expect(ix.cell(10, 2)).toEqual([]);
    expect(ix.city(11)).toEqual([]);
  });

  it("marks indicators summed from project investment with a project's warning, key-only ones only for key projects", () => {
    const ix = indexFlags([keyProject, otherProject], indicators, "all");
    expect(ix.city(11).map((f) => f.id)).toEqual([2]);
    expect(ix.city(12).map((f) => f.id)).toEqual([2, 3]);
    expect(ix.city(13)).toEqual([]);
    expect(ix.keyProjects.map((f) => f.id)).toEqual([2]);
  });

  it("marks nothing in the official mode, whose figures are approved copies", () => {
    const ix = indexFlags([figure, keyProject], indicators, "official");
    expect(ix.shown).toEqual([]);
    expect(ix.city(10)).toEqual([]);
    expect(ix.keyProjects).toEqual([]);
  });

  it("words a warning with its district, month, subject, message and the district's note", () => {
    expect(flagText(figure)).toBe("鲤城区 2023年10月 城建项目完成投资：本月值为上月的 12 倍（填报说明：含一次性结算）");
    expect(flagText(keyProject)).toBe("丰泽区 2023年10月 项目“某大道”：超过剩余年度计划（未填说明）");
  });
});
