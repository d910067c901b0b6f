"use server";

import { z } from "zod";
import { authSettings } from "@/app/_lib/auth-settings";
import { signIn } from "@/app/_lib/auth";
import { INVALID_REQUEST, isForm, safeNextPath } from "@/app/_lib/action-state";
import { verifyPassword } from "@/domain/passwords";
import { clientAddress } from "@/app/_lib/request-info";
import { verifyTotp } from "@/domain/totp";
import { getDatabase } from "@/db/index";
import {
  activeSignInBlock,
  createLoginTicket,
  failLoginTicket,
  type LockKind,
  peekLoginTicket,
  recordLoginAttempt,
  redeemLoginTicket,
} from "@/db/mutations/auth";
import { acceptTotpStep, getTotpState, spendRecoveryCode } from "@/db/mutations/two-factor";
import { getUserCredentials } from "@/db/queries/auth";

/*
 * Sign-in is the one place an anonymous caller may act, so these actions have no require…()
 * guard; they are guarded by the lock-out checks instead, and every attempt is recorded.
 */

export interface LoginState {
  step: "password" | "totp";
  message: string | null;
  fieldErrors: Record<string, string>;
  values: { username?: string; next?: string };
  ticket?: string;
}

const GENERIC_FAILURE = "用户名或密码错误";
/** A request the login form could not have sent (app/_lib/action-state.ts, isForm). */
const INVALID: LoginState = { step: "password", message: INVALID_REQUEST, fieldErrors: {}, values: {} };
/** The second step reads the state the first step returned. */
const isState = (prev: unknown): prev is LoginState => typeof prev === "object" && prev !== null && typeof (prev as { values?: unknown }).values === "object";
const limits = authSettings;

const passwordSchema = z.object({
  username: z.string().trim().min(1, "请输入用户名").max(64, "用户名过长"),
  password: z.string().min(1, "请输入密码").max(1024, "密码过长"),
  next: z.string().max(500).optional(),
});

const secondFactorSchema = z.object({
  ticket: z.string().min(10).max(100),
  code: z.string().trim().min(1, "请输入动态验证码或恢复码").max(40, "验证码格式不正确"),
  next: z.string().max(500).optional(),
});

/** Where each role starts its work after signing in (unless it came from a specific page). */
function defaultHome(role: string): string {
  if (role === "district_editor" || role === "department_editor") return "/district";
  if (role === "city_admin") return "/city/review";
  if (role === "city_leader") return "/city";
  return "/account";
}

function lockMessage(kind: LockKind, until: string): string {
  const time = new Date(until).toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit" });
  if (kind === "address") return `本机地址登录失败次数过多，已暂停登录至 ${time}。`;
  if (kind === "username_address") return `该账号在本机地址连续登录失败次数过多，已锁定至 ${time}。如需提前解锁，请联系专项办。`;
  return `该账号近期从多个地址登录失败次数过多，暂停从不常用的地址登录，至 ${time}。请在平时登录的地点登录，或联系专项办。`;
}

/** The lock that stops this username at this address now (policy: db/mutations/auth.ts, README). */
async function lockedOut(username: string, address: string): Promise<string | null> {
  const { db } = await getDatabase();
  const block = await activeSignInBlock(db, username, address, limits);
  return block ? lockMessage(block.kind, block.lockedUntil) : null;
}

/** What a failed attempt tells the user when it set off a lock. */
function failureMessage(r: { pairLocked: boolean; accountLocked: boolean; addressLocked: boolean }): string {
  if (r.addressLocked) return `${GENERIC_FAILURE}。本机地址失败次数过多，已暂停登录 ${limits.lockMinutes} 分钟。`;
  if (r.pairLocked) return `${GENERIC_FAILURE}。该账号在本机地址连续失败 ${limits.usernameFailures} 次，已锁定 ${limits.lockMinutes} 分钟。`;
  if (r.accountLocked) return `${GENERIC_FAILURE}。该账号近期登录失败次数过多，已暂停从不常用的地址登录 ${limits.accountLockMinutes} 分钟。`;
  return GENERIC_FAILURE;
}

async function finishSignIn(userId: number, role: string, next: string | undefined): Promise<never> {
  const open = await getDatabase();
  const ticket = await createLoginTicket(open, userId, "session", 60);
  await signIn("ticket", { ticket, redirectTo: safeNextPath(next, defaultHome(role)) });
  throw new Error("unreachable: signIn redirects");
}

export async function signInWithPassword(_prev: LoginState, formData: FormData): Promise<LoginState> {
  if (!isForm(formData)) return INVALID;
  const parsed = passwordSchema.safeParse({
    username: formData.get("username") ?? "",
    password: formData.get("password") ?? "",
    next: formData.get("next") ?? undefined,
  });
  const username = String(formData.get("username") ?? "").trim().toLowerCase();
  const next = typeof formData.get("next") === "string" ? String(formData.get("next")) : undefined;
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const i of parsed.error.issues) fieldErrors[String(i.path[0])] ??= i.message;
    return { step: "password", message: null, fieldErrors, values: { username, next } };
  }
  const address = await clientAddress();
  const locked = await lockedOut(username, address);
  if (locked) return { step: "password", message: locked, fieldErrors: {}, values: { username, next } };

  const open = await getDatabase();
  const user = await getUserCredentials(username);
  // Unknown and deactivated users are verified against a dummy hash: same answer, same time.
  const ok = await verifyPassword(user?.active ? user.passwordHash : null, parsed.data.password);
  if (!ok || !user) {
    const r = await recordLoginAttempt(open, { username, clientAddress: address, success: false }, limits);
    return { step: "password", message: failureMessage(r), fieldErrors: {}, values: { username, next } };
  }
  if (user.totpEnabled) {
    const ticket = await createLoginTicket(open, user.id, "totp", limits.totpTicketMinutes * 60);
    return { step: "totp", message: null, fieldErrors: {}, values: { username, next }, ticket };
  }
  await recordLoginAttempt(open, { username, clientAddress: address, success: true }, limits);
  return finishSignIn(user.id, user.role, parsed.data.next);
}

export async function signInSecondFactor(prev: LoginState, formData: FormData): Promise<LoginState> {
  if (!isForm(formData) || !isState(prev)) return INVALID;
  const parsed = secondFactorSchema.safeParse({
    ticket: formData.get("ticket") ?? "",
    code: formData.get("code") ?? "",
    next: formData.get("next") ?? undefined,
  });
  const next = typeof formData.get("next") === "string" ? String(formData.get("next")) : undefined;
  const ticket = String(formData.get("ticket") ?? "");
  const restart: LoginState = { step: "password", message: "验证已超时，请重新输入用户名和密码。", fieldErrors: {}, values: { next } };
  if (!parsed.success) {
    const codeIssue = parsed.error.issues.find((i) => i.path[0] === "code");
    if (!codeIssue) return restart;
    return { step: "totp", message: null, fieldErrors: { code: codeIssue.message }, values: { ...prev.values, next }, ticket };
  }
  const open = await getDatabase();
  const userId = await peekLoginTicket(open, ticket, "totp");
  if (userId === null) return restart;
  const state = await getTotpState(open, userId);
  if (!state?.secret || !state.enabled) return restart;
  const address = await clientAddress();
  const locked = await lockedOut(state.username, address);
  if (locked) return { step: "password", message: locked, fieldErrors: {}, values: { username: state.username, next } };

  const input = parsed.data.code;
  let accepted = false;
  if (/[a-z]/i.test(input)) {
    accepted = await spendRecoveryCode(open, userId, input, address);
  } else {
    const v = verifyTotp(state.secret, input, Date.now(), { lastUsedStep: state.lastStep });
    accepted = v.ok && (await acceptTotpStep(open, userId, v.step));
  }
  if (!accepted) {
    await failLoginTicket(open, ticket);
    const r = await recordLoginAttempt(open, { username: state.username, clientAddress: address, success: false }, limits);
    if (r.pairLocked || r.addressLocked) {
      return { step: "password", message: `验证码错误次数过多，已锁定 ${limits.lockMinutes} 分钟。`, fieldErrors: {}, values: { username: state.username, next } };
    }
    return { step: "totp", message: null, fieldErrors: { code: "验证码不正确或已使用，请输入验证器当前显示的 6 位数字" }, values: { username: state.username, next }, ticket };
  }
  if ((await redeemLoginTicket(open, ticket, "totp")) === null) return restart;
  await recordLoginAttempt(open, { username: state.username, clientAddress: address, success: true }, limits);
  return finishSignIn(userId, state.role, parsed.data.next);
}

/** The login form posts here for both steps; a ticket means the password step has passed. */
export async function signInAction(prev: LoginState, formData: FormData): Promise<LoginState> {
  if (!isForm(formData) || !isState(prev)) return INVALID;
  return formData.get("ticket") ? signInSecondFactor(prev, formData) : signInWithPassword(prev, formData);
}
