/**
 * Issue #14 "data rules": codes, names and notes refuse what would store something other than
 * what the clerk sees; long notes are refused, not cut; amounts have an upper bound per unit;
 * thousands separators must stand in the right place.
 */
import { describe, expect, it } from "vitest";
import { amountBound, parseAmountBounds } from "@/domain/amount-bounds";
import { checkCopiedForm, type FormEntry } from "@/domain/copied-form";
import { checkEntry, type EntryIndicator } from "@/domain/figure-entry";
import { parseDisplayNumber } from "@/domain/numbers";
import { DEFAULT_PLAUSIBILITY_SETTINGS, parsePlausibilitySettings } from "@/domain/plausibility/settings";
import { z } from "zod";
import { checkNote, codeSchema, hiddenCharacters, nameSchema, noteSchema } from "@/domain/text-rules";
import { displayNameSchema } from "@/app/(staff)/city/users/schemas";
import { problemFieldsSchema } from "@/app/(staff)/district/problems/schemas";
import { noteSchema as progressNoteSchema, parseInvestment, registerSchema, registerSchemaWith } from "@/app/(staff)/district/projects/schemas";
import { parseSigningForm } from "@/app/(staff)/district/signings/schemas";

const yi = { code: "yi_yuan", symbol: "亿元", scale: 10000 };
const wan = { code: "wan_yuan", symbol: "万元", scale: 1 };
const ge = { code: "ge", symbol: "个", scale: 1 };
const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe("codes", () => {
  const code = codeSchema("项目代码", 40);
  it("accept letters, digits, _ and - and Chinese characters, full-width letters folded", () => {
    expect(code.parse("JJ-2023_001")).toBe("JJ-2023_001");
    expect(code.parse("晋江-001")).toBe("晋江-001");
    expect(code.parse(" ＪＪ００１ ")).toBe("JJ001");
  });
  it("refuse control characters such as a bell or a backspace", () => {
    expect(firstMessage(code.safeParse("\x07\x08"))).toBe("项目代码含有换行或不可见的控制字符，请删除后重新输入");
    expect(code.safeParse("JJ\x00001").success).toBe(false);
    expect(code.safeParse("JJ\u0085001").success).toBe(false);
  });
  it("refuse direction overrides and marks", () => {
    for (const ch of ["\u202E", "\u2066", "\u200F", "\u061C"]) {
      expect(firstMessage(code.safeParse(`JJ${ch}001`))).toBe("项目代码含有改变文字方向的隐藏字符，请删除后重新输入（可先粘贴到记事本再复制）");
    }
  });
  it("refuse spaces, punctuation and other scripts", () => {
    for (const bad of ["JJ 001", "JJ/001", "JJ.001", "=cmd", "ДЖ001", "JJ😀"]) {
      expect(firstMessage(code.safeParse(bad))).toBe("项目代码只能包含字母、数字、下划线（_）、连字符（-）和汉字");
    }
  });
  it("refuse blank and too long codes", () => {
    expect(firstMessage(code.safeParse("  "))).toBe("请填写项目代码");
    expect(firstMessage(code.safeParse("A".repeat(41)))).toBe("项目代码最多 40 字，现为 41 字");
  });
  it("are checked by the project register form", () => {
    const r = registerSchema.safeParse({ code: "\x07\x08", name: "测试", sectorId: "1", actionId: "", owner: "", totalInvestment: "1", annualPlannedInvestment: "1", plannedStartOn: "", plannedCompletionOn: "", isKey: "", isPublic: "", description: "" });
    expect(r.error?.issues.map((i) => i.path[0])).toEqual(["code"]);
  });
});

describe("names and free text", () => {
  const name = nameSchema("项目名称", 100);
  it("refuse control and direction characters in a one-line name", () => {
    expect(name.safeParse("晋江\u202E目项").success).toBe(false);
    expect(name.safeParse("晋江\n项目").success).toBe(false);
    expect(name.safeParse("晋江\t项目").success).toBe(false);
    expect(name.parse("  晋江（二期）项目 ")).toBe("晋江（二期）项目");
  });
  it("keep line breaks and tabs in multi-line notes, stored as \\n", () => {
    expect(noteSchema("说明", 500).parse("第一行\r\n第二行\t附表")).toBe("第一行\n第二行\t附表");
    expect(noteSchema("说明", 500).safeParse("第一行\u0007").success).toBe(false);
    expect(noteSchema("说明", 500).safeParse("\u2067第一行").success).toBe(false);
    expect(noteSchema("说明", 500).parse("   ")).toBeNull();
  });
  it("are refused in comments and names written with their own schemas", () => {
    const comment = z.string().trim().max(1000).superRefine(hiddenCharacters("退回意见", true));
    expect(comment.parse("请核实\r\n标准厂房面积")).toBe("请核实\r\n标准厂房面积");
    expect(firstMessage(comment.safeParse("请核实\u202E面积"))).toBe("退回意见含有改变文字方向的隐藏字符，请删除后重新输入（可先粘贴到记事本再复制）");
    expect(displayNameSchema.safeParse("张\u0007三").success).toBe(false);
    expect(displayNameSchema.parse("张三")).toBe("张三");
  });
  it("refuse a problem description with a direction override", () => {
    const r = problemFieldsSchema.safeParse({ type: "land_approval", description: "征地\u202E延误", responsibleUnit: "晋江市自然资源局", escalationLevel: "district", deadlineOn: "2023-11-30", openedOn: "2023-10-08" });
    expect(r.error?.issues.map((i) => i.path[0])).toContain("description");
  });
  it("refuse a signing investor name with a control character", () => {
    const r = parseSigningForm({ name: "签约项目", investor: "某某\u0008集团", amount: "5", isOverseas: "", isCultureTourism: "", eventId: "", signedOn: "2023-09-20", landedOn: "", isPublic: "" }, yi);
    expect(r).toEqual({ ok: false, fieldErrors: { investor: "投资方含有换行或不可见的控制字符，请删除后重新输入" } });
  });
});

describe("notes longer than their limit are refused, never cut", () => {
  const long = "因".repeat(612);
  it("says the limit and the length", () => {
    expect(checkNote(long, "说明", 500)).toEqual({ ok: false, message: "说明最多 500 字，现为 612 字" });
    expect(checkNote("因".repeat(500), "说明", 500)).toEqual({ ok: true, note: "因".repeat(500) });
    expect(firstMessage(progressNoteSchema.safeParse("因".repeat(201)))).toBe("说明最多 200 字，现为 201 字");
  });
  it("in a figure's 说明", () => {
    const ind: EntryIndicator = { id: 1, name: "固定资产投资", aggregation: "sum", accumulation: "flow", decimals: 2, unit: yi, partUnit: null, numeratorLabel: null, denominatorLabel: null };
    const r = checkEntry(ind, { month: "12", note: long }, { previousYtd: 0, history: [], lastRate: null });
    expect(r).toEqual({ kind: "error", field: "note", message: "说明最多 500 字，现为 612 字" });
  });
  it("in the whole form's note", () => {
    const value = (id: number) => ({ indicatorId: id, result: { kind: "value", value: 5, note: null, warning: null, flags: [] }, last: { value: 5, numerator: null, denominator: null } }) as FormEntry;
    expect(checkCopiedForm([value(1), value(2), value(3)], long)).toEqual({ kind: "error", message: "整表说明最多 500 字，现为 612 字" });
  });
  it("in a problem description", () => {
    const r = problemFieldsSchema.safeParse({ type: "land_approval", description: long, responsibleUnit: "晋江市自然资源局", escalationLevel: "district", deadlineOn: "2023-11-30", openedOn: "2023-10-08" });
    expect(firstMessage(r)).toBe("问题描述最多 500 字，现为 612 字");
  });
});

describe("upper bounds of amounts", () => {
  it("refuse 1,111,111,111 亿元 and name the bound in 亿元", () => {
    expect(parseDisplayNumber("1,111,111,111", yi)).toEqual({ kind: "error", message: "数值超出上限：本项最多填 100,000 亿元，请核对是否多打了数字或单位填错" });
    expect(parseDisplayNumber("100000", yi)).toEqual({ kind: "ok", base: 1_000_000_000 });
    expect(parseDisplayNumber("-100000.0001", yi, { allowNegative: true }).kind).toBe("error");
  });
  it("have a bound per unit: 万元, 个", () => {
    expect(parseDisplayNumber("1,000,000,001", wan)).toMatchObject({ kind: "error", message: expect.stringContaining("1,000,000,000 万元") });
    expect(parseDisplayNumber("1000001", ge)).toMatchObject({ kind: "error", message: expect.stringContaining("1,000,000 个") });
    expect(parseDisplayNumber("1000000", ge)).toEqual({ kind: "ok", base: 1_000_000 });
  });
  it("find the bound of a unit built from its symbol only", () => {
    expect(amountBound({ code: "亿元", symbol: "亿元" })).toBe(100_000);
  });
  it("follow the city's settings, stored with the plausibility settings", () => {
    const settings = parsePlausibilitySettings(JSON.stringify({ amountMax: { yi_yuan: 500, ge: -3 } }));
    expect(settings.amountMax.yi_yuan).toBe(500);
    expect(settings.amountMax.ge).toBe(1_000_000);
    expect(parsePlausibilitySettings(null).amountMax).toEqual(DEFAULT_PLAUSIBILITY_SETTINGS.amountMax);
    expect(parseDisplayNumber("501", yi, { bounds: settings.amountMax })).toMatchObject({ kind: "error", message: expect.stringContaining("最多填 500 亿元") });
    expect(parseAmountBounds("nonsense")).toEqual(DEFAULT_PLAUSIBILITY_SETTINGS.amountMax);
  });
  it("are enforced in figures, project investment, the register and signings", () => {
    const ind: EntryIndicator = { id: 1, name: "固定资产投资", aggregation: "sum", accumulation: "flow", decimals: 2, unit: yi, partUnit: null, numeratorLabel: null, denominatorLabel: null };
    expect(checkEntry(ind, { month: "1,111,111,111" }, { previousYtd: 0, history: [], lastRate: null })).toMatchObject({ kind: "error", field: "month" });
    expect(checkEntry(ind, { cumulative: "2000" }, { previousYtd: 0, history: [], lastRate: null }, { ...DEFAULT_PLAUSIBILITY_SETTINGS, amountMax: { yi_yuan: 1000 } })).toMatchObject({ kind: "error", field: "cumulative" });
    // A project month's ceiling is the project's total investment (the project rule refuses above it, naming
    // the amounts; trust-projects.spec); parsing refuses only what cannot be stored exactly.
    expect(parseInvestment("100110021003")).toEqual({ kind: "ok", base: 100110021003 });
    expect(parseInvestment("9007199254740993").kind).toBe("error");
    const reg = registerSchemaWith({ yi_yuan: 10 }).safeParse({ code: "JJ-1", name: "测试", sectorId: "1", actionId: "", owner: "", totalInvestment: "11", annualPlannedInvestment: "1", plannedStartOn: "", plannedCompletionOn: "", isKey: "", isPublic: "", description: "" });
    expect(reg.error?.issues.map((i) => i.path[0])).toEqual(["totalInvestment"]);
    const s = parseSigningForm({ name: "签约项目", investor: "", amount: "1,111,111,111", isOverseas: "", isCultureTourism: "", eventId: "", signedOn: "2023-09-20", landedOn: "", isPublic: "" }, yi);
    expect(s.ok ? null : s.fieldErrors.amount).toContain("100,000 亿元");
  });
});

describe("thousands separators", () => {
  it("must stand every three digits", () => {
    expect(parseDisplayNumber("1,70.3", yi)).toEqual({ kind: "error", message: "千分位逗号位置不对：应每三位一个，例如 1,070.3；也可以不写逗号" });
    expect(parseDisplayNumber("12,34", ge).kind).toBe("error");
    expect(parseDisplayNumber("1,0703", ge).kind).toBe("error");
    expect(parseDisplayNumber("1.234,5", yi).kind).toBe("error");
    expect(parseDisplayNumber(",170", ge).kind).toBe("error");
  });
  it("are fine where they belong, and optional", () => {
    expect(parseDisplayNumber("1,070.3", yi)).toEqual({ kind: "ok", base: 10_703_000 });
    expect(parseDisplayNumber("170.3", yi)).toEqual({ kind: "ok", base: 1_703_000 });
    expect(parseDisplayNumber("１，０７０．３亿元", yi)).toEqual({ kind: "ok", base: 10_703_000 });
    expect(parseDisplayNumber("-1,070", ge, { allowNegative: true })).toEqual({ kind: "ok", base: -1070 });
  });
  it("say which unit allows only whole numbers", () => {
    expect(parseDisplayNumber("1.5", ge)).toEqual({ kind: "error", message: "单位为“个”，只能填整数" });
  });
});
