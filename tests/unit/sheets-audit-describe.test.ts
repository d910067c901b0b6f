import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS } from "@/domain/audit/action-labels";
import { describeAuditRow, type AuditNames } from "@/domain/audit/describe";
import { ACTIONS } from "@/domain/policy";

const YI = { code: "yi_yuan", symbol: "亿元", scale: 10000 };
const GE = { code: "ge", symbol: "个", scale: 1 };
const names: AuditNames = {
  indicators: [
    { id: 5, campaignId: 1, code: "urban_investment", name: "城建项目完成投资", unit: YI, ratio: false, partUnit: null, numeratorLabel: null, denominatorLabel: null },
    { id: 9, campaignId: 1, code: "above_scale_share", name: "规上企业占比", unit: { code: "pct", symbol: "%", scale: 10 }, ratio: true, partUnit: GE, numeratorLabel: "规上企业数", denominatorLabel: "企业总数" },
  ],
  users: new Map([[7, "王芳（jj.wang）"]]),
  projects: new Map([[3, "晋江大桥（JJ-001）"]]),
  districts: new Map([[2, "晋江市"]]),
  departments: new Map([[4, "市商务局"]]),
};
const row = (over: Partial<Parameters<typeof describeAuditRow>[0]>) => ({ action: "x", entity: "x", entityId: null, before: null, after: null, districtName: "晋江市", reportMonth: null, campaignId: 1, ...over });

describe("an audit row in human terms", () => {
  it("shows a figure's old and new value by indicator name in its display unit, and the note", () => {
    const d = describeAuditRow(
      row({
        action: "figures.save",
        entity: "monthly_report",
        entityId: "12",
        reportMonth: "2023-10",
        before: { urban_investment: { value: 123000, note: null, noData: false }, above_scale_share: null },
        after: { urban_investment: { value: 139800, note: "补录两个项目", noData: false }, above_scale_share: { numerator: 41, denominator: 120, noData: false } },
      }),
      names,
    );
    expect(d.action).toBe("保存月度指标");
    expect(d.subject).toBe("晋江市2023年10月月报");
    expect(d.changes).toEqual([
      { label: "城建项目完成投资", from: "12.3 亿元", to: "13.98 亿元", indicatorId: 5 },
      { label: "城建项目完成投资的说明", from: "（空）", to: "补录两个项目", indicatorId: 5 },
      { label: "规上企业占比", from: "（空）", to: "规上企业数 41 个，企业总数 120 个", indicatorId: 9 },
    ]);
  });

  it("names users, roles, districts and projects instead of ids, and money in 亿元", () => {
    const u = describeAuditRow(row({ action: "user.bulk_update", entity: "user", entityId: "7", before: { role: "district_editor", districtId: 2, departmentId: null }, after: { role: "department_editor", districtId: null, departmentId: 4 } }), names);
    expect(u).toEqual({
      action: "批量导入：更新用户",
      subject: "王芳（jj.wang）",
      changes: [
        { label: "角色", from: "区县填报员", to: "市直部门填报员" },
        { label: "区县", from: "晋江市", to: "（空）" },
        { label: "部门", from: "（空）", to: "市商务局" },
      ],
    });
    const p = describeAuditRow(row({ action: "project_progress.update", entity: "project_progress", entityId: "40", before: { projectId: 3, month: "2023-10", investment: 12000 }, after: { projectId: 3, month: "2023-10", investment: 25050 } }), names);
    expect(p.subject).toBe("晋江大桥（JJ-001） 2023年10月");
    expect(p.changes).toEqual([{ label: "完成投资", from: "1.2 亿元", to: "2.505 亿元" }]);
  });

  it("has a Chinese name for every audit action the code writes and every permission a denial is logged under", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        if (name === "node_modules" || name.startsWith(".")) continue;
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.tsx?$/.test(name)) files.push(full);
      }
    };
    for (const dir of ["app", "db", "scripts"]) walk(path.join(root, dir));
    const written = new Set<string>(ACTIONS);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      if (!/insertAuditEvent|AuditEntry\[\]/.test(text)) continue;
      for (const m of text.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) if (!/\.(ts|tsx|db|json)$/.test(m[1]!)) written.add(m[1]!);
      for (const kind of ["sector", "district", "department"]) if (text.includes("`${kind}.")) for (const a of ["create", "update", "activate", "deactivate", "move"]) written.add(`${kind}.${a}`);
    }
    const missing = [...written].filter((a) => !(a in AUDIT_ACTION_LABELS) && !a.startsWith("server-only"));
    expect(missing).toEqual([]);
  });
});

describe("the audit export", () => {
  it("neutralises formula-like text from people's names and notes", async () => {
    const { buildAuditWorkbook } = await import("@/app/_lib/excel/audit-sheet");
    const wb = buildAuditWorkbook([{ at: "2023/10/05 09:00", actor: "=HYPERLINK(\"http://x\")（jj.wang）", action: "保存月度指标", outcome: "成功", subject: "晋江市2023年10月月报", changes: "-1+1", district: "晋江市", address: "" }], "共 1 条。");
    const row = wb.getWorksheet("审计日志")!.getRow(2);
    expect(row.getCell(2).value).toBe("'=HYPERLINK(\"http://x\")（jj.wang）");
    expect(row.getCell(6).value).toBe("'-1+1");
  });
});
