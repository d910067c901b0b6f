/**
 * An audit row in human terms: the action's Chinese name, what it was done to (names, not ids) and
 * each changed value as "名称 旧值 → 新值" in the unit people use. Pure: the names come in a lookup
 * built by db/queries/audit.ts (tests/unit/sheets-audit-describe.test.ts).
 */
import { type UnitDef } from "@/domain/numbers";
import { REPORT_STATE_LABELS, ROLE_LABELS } from "@/domain/labels";
import { isMonth, monthLabel } from "@/domain/months";
import { auditActionLabel } from "./action-labels";
import { baseToDisplayExact } from "@/domain/format";

export interface IndicatorInfo {
  id: number;
  campaignId: number;
  code: string;
  name: string;
  unit: UnitDef;
  ratio: boolean;
  partUnit: UnitDef | null;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
}

export interface AuditNames {
  indicators: readonly IndicatorInfo[];
  users: ReadonlyMap<number, string>;
  projects: ReadonlyMap<number, string>;
  districts: ReadonlyMap<number, string>;
  departments: ReadonlyMap<number, string>;
}

export interface AuditRowInput {
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  districtName: string | null;
  /** For a monthly report: its month and campaign. */
  reportMonth: string | null;
  campaignId: number | null;
}

export interface Change {
  label: string;
  from: string;
  to: string;
  /** A figure's change: the indicator, for a link to that figure's history. */
  indicatorId?: number;
}

export interface Described {
  action: string;
  subject: string;
  changes: Change[];
}

const EMPTY = "（空）";
const YI_YUAN = { code: "yi_yuan", symbol: "亿元", scale: 10000 };
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function withUnit(base: number, unit: UnitDef): string {
  const n = baseToDisplayExact(base, unit.scale);
  return unit.symbol === "%" ? `${n}%` : `${n} ${unit.symbol}`;
}

export function findIndicator(names: AuditNames, campaignId: number | null, code: string): IndicatorInfo | undefined {
  return names.indicators.find((i) => i.code === code && i.campaignId === campaignId) ?? names.indicators.find((i) => i.code === code);
}

/** One stored figure ({value, numerator, denominator, noData} in base units, or null) as text. */
export function figureText(v: unknown, ind: IndicatorInfo | undefined): string {
  if (v == null) return EMPTY;
  const f = obj(v);
  if (f.noData === true) return "本月无数据";
  const num = (x: unknown, unit: UnitDef | null | undefined) => (typeof x === "number" ? (unit ? withUnit(x, unit) : String(x)) : EMPTY);
  if (ind?.ratio || f.numerator != null || f.denominator != null) {
    if (f.numerator == null && f.denominator == null) return EMPTY;
    const part = ind?.partUnit ?? null;
    return `${ind?.numeratorLabel ?? "分子"} ${num(f.numerator, part)}，${ind?.denominatorLabel ?? "分母"} ${num(f.denominator, part)}`;
  }
  return num(f.value, ind?.unit);
}

const FIELD_LABELS: Record<string, string> = {
  displayName: "姓名", username: "用户名", role: "角色", districtId: "区县", departmentId: "部门", active: "启用", mustChangePassword: "须改密码",
  totpEnabled: "两步验证", status: "状态", comment: "退回意见", reason: "原因", note: "说明", month: "月份", locked: "锁定", isOpen: "开放填报",
  investment: "完成投资", approvedInvestment: "公布的完成投资", totalInvestment: "总投资", annualPlannedInvestment: "年度计划投资", name: "名称", code: "代码",
  stage: "阶段", projectId: "项目", acceptedFlags: "接受的提示", flags: "提示", value: "值", reportDeadlineDay: "报送截止日", level: "督办级别",
};
const STATUS_WORDS: Record<string, string> = { ...REPORT_STATE_LABELS, active: "进行中", archived: "已归档", open: "待办理", closed: "已销号", resolved: "已解决", responded: "已反馈" };
const STAGE_WORDS: Record<string, string> = { preparing: "前期筹备", under_construction: "在建", completed: "已建成", suspended: "暂停" };
const MONEY = new Set(["investment", "approvedInvestment", "totalInvestment", "annualPlannedInvestment"]);

function fieldText(key: string, v: unknown, names: AuditNames): string {
  if (v == null || v === "") return EMPTY;
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "number" && MONEY.has(key)) return withUnit(v, YI_YUAN);
  if (typeof v === "number" && key === "districtId") return names.districts.get(v) ?? `区县 ${v}`;
  if (typeof v === "number" && key === "departmentId") return names.departments.get(v) ?? `部门 ${v}`;
  if (typeof v === "number" && key === "projectId") return names.projects.get(v) ?? `项目 ${v}`;
  if (typeof v === "string" && key === "role") return ROLE_LABELS[v as keyof typeof ROLE_LABELS] ?? v;
  if (typeof v === "string" && key === "status") return STATUS_WORDS[v] ?? v;
  if (typeof v === "string" && key === "stage") return STAGE_WORDS[v] ?? v;
  if (typeof v === "string" && key === "month" && isMonth(v)) return monthLabel(v);
  if (Array.isArray(v) && key === "flags") return `${v.length} 条`;
  if (typeof v === "string" || typeof v === "number") return String(v);
  const text = JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function subjectOf(r: AuditRowInput, names: AuditNames): string {
  const id = r.entityId !== null && /^\d+$/.test(r.entityId) ? Number(r.entityId) : null;
  const a = obj(r.after);
  const b = obj(r.before);
  const month = [a.month, b.month].find((m): m is string => typeof m === "string" && isMonth(m));
  switch (r.entity) {
    case "monthly_report":
      return `${r.districtName ?? ""}${r.reportMonth ? monthLabel(r.reportMonth) : ""}月报`;
    case "project_progress": {
      const pid = typeof a.projectId === "number" ? a.projectId : null;
      return `${pid !== null ? (names.projects.get(pid) ?? `项目 ${pid}`) : "项目"}${month ? ` ${monthLabel(month)}` : ""}`;
    }
    case "project":
      return id !== null ? (names.projects.get(id) ?? `项目 ${id}`) : "项目";
    case "user":
      return id !== null ? (names.users.get(id) ?? `用户 ${id}`) : "用户";
    case "indicator":
    case "indicator_targets":
      return names.indicators.find((i) => i.id === id)?.name ?? `指标 ${r.entityId ?? ""}`;
    case "period":
      return month ? monthLabel(month) : "填报月份";
    case "district":
      return id !== null ? (names.districts.get(id) ?? `区县 ${id}`) : "区县";
    case "department":
      return id !== null ? (names.departments.get(id) ?? `部门 ${id}`) : "部门";
    case "permission":
      return `权限：${auditActionLabel(r.action)}`;
    default:
      return ENTITY_WORDS[r.entity] ?? r.entity;
  }
}
export const ENTITY_WORDS: Record<string, string> = { supervision_order: "督办单", problem: "问题", signing: "签约项目", park: "园区", campaign: "年度活动", action: "专项行动", sector: "产业类别", app_meta: "系统设置", public_pages: "公开页面", database: "数据库" };

export function describeAuditRow(r: AuditRowInput, names: AuditNames): Described {
  const before = obj(r.before);
  const after = obj(r.after);
  const changes: Change[] = [];
  if (r.action === "figures.save") {
    for (const code of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const ind = findIndicator(names, r.campaignId, code);
      const label = ind?.name ?? code;
      const [b, a] = [before[code], after[code]];
      const from = figureText(b, ind);
      const to = figureText(a, ind);
      if (from !== to) changes.push({ label, from, to, ...(ind ? { indicatorId: ind.id } : {}) });
      const [nb, na] = [obj(b).note ?? null, obj(a).note ?? null];
      if (nb !== na) changes.push({ label: `${label}的说明`, from: fieldText("note", nb, names), to: fieldText("note", na, names), ...(ind ? { indicatorId: ind.id } : {}) });
    }
  } else {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (key === "corrected" || (key in before && key in after && JSON.stringify(before[key]) === JSON.stringify(after[key]))) continue;
      if (key === "month" && r.entity !== "period") continue;
      changes.push({ label: FIELD_LABELS[key] ?? key, from: key in before ? fieldText(key, before[key], names) : "—", to: key in after ? fieldText(key, after[key], names) : "—" });
    }
  }
  return { action: auditActionLabel(r.action), subject: subjectOf(r, names), changes };
}
