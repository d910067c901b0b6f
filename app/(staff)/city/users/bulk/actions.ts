"use server";

import { randomInt } from "node:crypto";
import { revalidatePath } from "next/cache";
import { readAccountsCsv, readAccountsWorkbook } from "@/app/_lib/excel/accounts-sheet";
import { capList, oneUploadAtATime, uploadLimits, UploadRefused } from "@/app/_lib/excel/safe-load";
import { authSettings } from "@/app/_lib/auth-settings";
import { invalidRequest, isForm } from "@/app/_lib/action-state";
import { requirePermission } from "@/app/_lib/guards";
import { actorOf } from "@/app/_lib/actor";
import { hashPassword } from "@/domain/passwords";
import { formatMb } from "@/domain/upload-limits";
import { getDatabase } from "@/db/index";
import { applyAccountSheet, type SheetAccount } from "@/db/mutations/users";
import { listScopeOptions, listUsersByUsername } from "@/db/queries/users";
import { planAccounts, type LineError } from "./plan";

export interface AccountResult {
  line: number;
  username: string;
  displayName: string;
  /** Only for new accounts: shown once on the result page, never stored in plain text. */
  password: string | null;
  note: string;
}

export interface BulkState {
  ok: boolean;
  message: string | null;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  rowErrors: LineError[];
  results: AccountResult[];
}

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
function oneTimePassword(): string {
  const length = Math.max(14, authSettings.passwordMin);
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

function fail(message: string, extra: Partial<BulkState> = {}): BulkState {
  return { ok: false, message, fieldErrors: {}, values: {}, rowErrors: [], results: [], ...extra };
}

/**
 * Creates or updates clerk accounts from an .xlsx or .csv sheet. Every row is checked first; one
 * bad row means no account is created or changed. New accounts get a one-time password, shown
 * once in the result, that must be changed at first sign-in.
 */
export async function importAccountsAction(_prev: BulkState, formData: FormData): Promise<BulkState> {
  const admin = await requirePermission("user.manage");
  if (!isForm(formData)) return { ...invalidRequest(), rowErrors: [], results: [] };
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return fail("请选择要上传的文件", { fieldErrors: { file: "请选择填好的 .xlsx 或 .csv 文件" } });
  const limits = uploadLimits();
  const isCsv = /\.csv$/i.test(file.name) || file.type === "text/csv";
  if (isCsv && file.size > limits.maxFileBytes) return fail("文件过大", { fieldErrors: { file: `文件不能超过 ${formatMb(limits.maxFileBytes)}` } });
  let read: Awaited<ReturnType<typeof readAccountsWorkbook>>;
  try {
    const buffer = await file.arrayBuffer();
    read = await oneUploadAtATime(`user:${admin.id}`, async () => (isCsv ? readAccountsCsv(new Uint8Array(buffer), limits) : readAccountsWorkbook(buffer, limits)));
  } catch (e) {
    if (!(e instanceof UploadRefused)) throw e;
    return fail(e.message, { fieldErrors: { file: e.message } });
  }
  if ("error" in read) return fail(read.error, { fieldErrors: { file: read.error } });

  const [options, existing] = await Promise.all([listScopeOptions(), listUsersByUsername([...new Set(read.lines.map((l) => l.username.trim().toLowerCase()))])]);
  const planned = planAccounts(read.lines, { districts: options.districts, departments: options.departments, existing });
  if (!planned.ok) {
    const bad = new Set(planned.errors.map((e) => e.line)).size;
    const rowErrors = capList(planned.errors, 200, (rest) => ({ line: -1, message: `另有 ${rest} 处问题未列出` }));
    return fail(planned.errors[0]!.line === 0 ? planned.errors[0]!.message : `文件中有 ${bad} 行有错误，未创建或修改任何账号`, { rowErrors });
  }

  const passwords = new Map<number, string>();
  const rows: SheetAccount[] = [];
  for (const p of planned.plan) {
    if (p.kind === "update") rows.push(p);
    else {
      const password = oneTimePassword();
      passwords.set(p.line, password);
      rows.push({ ...p, passwordHash: await hashPassword(password) });
    }
  }
  const outcome = await applyAccountSheet(await getDatabase(), rows, await actorOf(admin));
  if (!outcome.ok) {
    const message = outcome.reason === "duplicate" ? "用户名刚被他人创建" : "该账号刚被他人修改";
    return fail(`第 ${outcome.line} 行：${message}，未创建或修改任何账号。请重新上传`, { rowErrors: [{ line: outcome.line, message }] });
  }
  revalidatePath("/city/users");
  const byLine = new Map(planned.plan.map((p) => [p.line, p]));
  const { created, updated, unchanged } = outcome.value;
  const results: AccountResult[] = [
    ...created.map((c) => ({ line: c.line, username: c.username, displayName: byLine.get(c.line)!.displayName, password: passwords.get(c.line)!, note: "新建，首次登录须修改密码" })),
    ...updated.map((u) => ({ line: u.line, username: u.username, displayName: byLine.get(u.line)!.displayName, password: null, note: u.endedSessions ? "已更新，角色或范围改变，已退出其所有登录" : "已更新姓名" })),
  ].sort((a, b) => a.line - b.line);
  const message = `已新建 ${created.length} 个账号、更新 ${updated.length} 个${unchanged ? `，${unchanged} 个无变化` : ""}`;
  return { ok: true, message, fieldErrors: {}, values: {}, rowErrors: [], results };
}
