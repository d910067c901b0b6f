/**
 * Checks the rows of an account sheet and plans what each one does (create or update), or lists
 * every bad row with its line number. Pure (tests/unit/sheets-accounts-plan.test.ts).
 */
import { ROLE_LABELS } from "@/domain/labels";
import type { Role } from "@/domain/codes";
import { displayNameSchema, usernameSchema } from "../schemas";

export interface SheetLine {
  line: number;
  username: string;
  displayName: string;
  role: string;
  scope: string;
}

interface Named {
  id: number;
  code: string;
  name: string;
}

export interface Existing {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  districtId: number | null;
  departmentId: number | null;
  version: number;
}

export type Planned =
  | { kind: "create"; line: number; username: string; displayName: string; role: Role; districtId: number | null; departmentId: number | null }
  | { kind: "update"; line: number; id: number; version: number; username: string; displayName: string; role: Role; districtId: number | null; departmentId: number | null };

export interface LineError {
  line: number;
  message: string;
}

export const MAX_ACCOUNT_ROWS = 500;

/** The roles a sheet may give; the office's own (city_admin, two-factor) accounts are made one by one. */
const SHEET_ROLES = ["district_editor", "department_editor", "city_leader"] as const;

const fold = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

export function roleFromText(text: string): Role | "city_admin" | null {
  const t = fold(text);
  for (const r of [...SHEET_ROLES, "city_admin"] as const) if (t === r || t === fold(ROLE_LABELS[r])) return r;
  const aliases: Record<string, Role> = { 区县填报员: "district_editor", 填报员: "district_editor", 部门填报员: "department_editor", 市直部门: "department_editor", 领导: "city_leader", 市领导: "city_leader" };
  return aliases[t] ?? null;
}

function findScope(list: readonly Named[], text: string): Named | undefined {
  const t = fold(text);
  return list.find((x) => fold(x.code) === t || fold(x.name) === t);
}

export function planAccounts(
  lines: readonly SheetLine[],
  ctx: { districts: readonly Named[]; departments: readonly Named[]; existing: readonly Existing[] },
): { ok: true; plan: Planned[] } | { ok: false; errors: LineError[] } {
  const errors: LineError[] = [];
  if (lines.length === 0) return { ok: false, errors: [{ line: 0, message: "文件中没有账号行" }] };
  if (lines.length > MAX_ACCOUNT_ROWS) return { ok: false, errors: [{ line: 0, message: `一次最多导入 ${MAX_ACCOUNT_ROWS} 个账号，文件中有 ${lines.length} 行` }] };
  const byUsername = new Map(ctx.existing.map((u) => [u.username, u]));
  const firstLineOf = new Map<string, number>();
  const plan: Planned[] = [];
  for (const l of lines) {
    const problems: string[] = [];
    const u = usernameSchema.safeParse(l.username);
    const n = displayNameSchema.safeParse(l.displayName);
    if (!u.success) problems.push(l.username ? `用户名“${l.username}”无效：${u.error.issues[0]!.message}` : "缺少用户名");
    if (!n.success) problems.push(n.error.issues[0]!.message);
    const role = roleFromText(l.role);
    if (!l.role) problems.push("缺少角色");
    else if (role === "city_admin") problems.push("专项办管理员账号须在“新建用户”中逐个创建");
    else if (!role) problems.push(`角色“${l.role}”无效：应为${SHEET_ROLES.map((r) => ROLE_LABELS[r]).join("、")}`);
    let districtId: number | null = null;
    let departmentId: number | null = null;
    if (role === "district_editor") {
      const d = l.scope ? findScope(ctx.districts, l.scope) : undefined;
      if (!l.scope) problems.push("区县填报员须填写所属区县");
      else if (!d) problems.push(`没有名称或代码为“${l.scope}”的区县（或已停用）`);
      else districtId = d.id;
    } else if (role === "department_editor") {
      const d = l.scope ? findScope(ctx.departments, l.scope) : undefined;
      if (!l.scope) problems.push("市直部门填报员须填写所属部门");
      else if (!d) problems.push(`没有名称或代码为“${l.scope}”的部门（或已停用）`);
      else departmentId = d.id;
    } else if (role === "city_leader" && l.scope) problems.push("市领导看全市，“区县或部门”应留空");
    if (u.success) {
      const first = firstLineOf.get(u.data);
      if (first !== undefined) problems.push(`用户名“${u.data}”与第 ${first} 行重复`);
      else firstLineOf.set(u.data, l.line);
      const current = byUsername.get(u.data);
      if (current?.role === "city_admin") problems.push(`“${u.data}”是专项办管理员账号，不能用表格修改`);
      if (problems.length === 0 && n.success && role && role !== "city_admin") {
        const fields = { line: l.line, username: u.data, displayName: n.data, role, districtId, departmentId };
        plan.push(current ? { kind: "update", id: current.id, version: current.version, ...fields } : { kind: "create", ...fields });
      }
    }
    for (const message of problems) errors.push({ line: l.line, message });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, plan };
}
