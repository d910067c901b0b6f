"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, fieldErrorsOf, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { authSettings } from "@/app/_lib/auth-settings";
import { requirePermission } from "@/app/_lib/guards";
import { actorOf } from "@/app/_lib/actor";
import { hashPassword, passwordRuleError } from "@/domain/passwords";
import { getDatabase } from "@/db/index";
import { insertUser } from "@/db/mutations/users";
import { listScopeOptions } from "@/db/queries/users";
import { displayNameSchema, requireScope, scopeErrors, scopeShape, usernameSchema } from "../schemas";
import { formText } from "@/app/_lib/form-parse";

const createUserSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    ...scopeShape,
    password: z.string().max(1024, "密码过长"),
  })
  .superRefine(requireScope);

/** Creates a user with a temporary password they must change at first sign-in. Nothing is stored unless every field is valid. */
export async function createUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("user.manage");
  if (!isForm(formData)) return invalidRequest();
  const raw = {
    username: formText(formData, "username"),
    displayName: formText(formData, "displayName"),
    role: formText(formData, "role"),
    districtId: formText(formData, "districtId"),
    departmentId: formText(formData, "departmentId"),
    password: formText(formData, "password"),
  };
  // Echo what was typed (never the password) so the form keeps it after an error.
  const values = { username: raw.username, displayName: raw.displayName, role: raw.role, districtId: raw.districtId, departmentId: raw.departmentId };
  const parsed = createUserSchema.safeParse(raw);
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error.issues);
  const usernameForRule = parsed.success ? parsed.data.username : raw.username;
  const rule = passwordRuleError(raw.password, usernameForRule, { min: authSettings.passwordMin, max: authSettings.passwordMax });
  if (rule && !fieldErrors.password) fieldErrors.password = rule;
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return failure("请检查标出的字段", fieldErrors, values);

  const f = parsed.data;
  const options = await listScopeOptions();
  const scopeProblems = scopeErrors(f, { districtIds: options.districts.map((d) => d.id), departmentIds: options.departments.map((d) => d.id) });
  if (Object.keys(scopeProblems).length > 0) return failure("请检查标出的字段", scopeProblems, values);

  const result = await insertUser(
    await getDatabase(),
    { username: f.username, displayName: f.displayName, role: f.role, districtId: f.districtId, departmentId: f.departmentId, passwordHash: await hashPassword(f.password), mustChangePassword: true },
    await actorOf(admin),
  );
  if (!result.ok && result.reason === "duplicate") return failure("请检查标出的字段", { username: "用户名已存在" }, values);
  if (!result.ok) throw new Error(`insertUser: ${result.reason}`);
  revalidatePath("/city/users");
  redirect(`/city/users/${result.value}?created=1`);
}
