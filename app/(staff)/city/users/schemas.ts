/**
 * Form parsing shared by the create and edit actions. Everything a form sends is re-read here
 * with zod: select values are only candidates until the action checks them against the database.
 */
import { z } from "zod";
import { ROLES } from "@/domain/codes";
import { hiddenCharacters } from "@/domain/text-rules";

import { optionalIdSchema } from "@/app/_lib/form-parse";

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_.-]{3,32}$/, "用户名为 3–32 个字符，只能包含小写字母、数字、下划线（_）、连字符（-）和点（.）");

export const displayNameSchema = z.string().trim().min(1, "请输入姓名").max(50, "姓名最多 50 个字符").superRefine(hiddenCharacters("姓名"));

export const roleSchema = z.enum(ROLES, { error: "请选择角色" });

export const scopeShape = {
  role: roleSchema,
  districtId: optionalIdSchema,
  departmentId: optionalIdSchema,
};

/** A district editor needs a district and a department editor a department (the database checks it too). */
export function requireScope(v: { role: string; districtId: number | null; departmentId: number | null }, ctx: z.RefinementCtx) {
  if (v.role === "district_editor" && v.districtId === null) ctx.addIssue({ code: "custom", path: ["districtId"], message: "区县填报员必须选择所属区县" });
  if (v.role === "department_editor" && v.departmentId === null) ctx.addIssue({ code: "custom", path: ["departmentId"], message: "市直部门填报员必须选择所属部门" });
}

/** A chosen scope must be one the form offered (active, or the user's current one); ids the role does not use are ignored. */
export function scopeErrors(
  v: { role: string; districtId: number | null; departmentId: number | null },
  allowed: { districtIds: readonly number[]; departmentIds: readonly number[] },
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (v.role === "district_editor" && v.districtId !== null && !allowed.districtIds.includes(v.districtId)) errors.districtId = "所选区县不存在或已停用";
  if (v.role === "department_editor" && v.departmentId !== null && !allowed.departmentIds.includes(v.departmentId)) errors.departmentId = "所选部门不存在或已停用";
  return errors;
}
