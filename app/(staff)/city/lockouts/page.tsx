import type { Metadata } from "next";
import { authSettings } from "@/app/_lib/auth-settings";
import { requirePermission } from "@/app/_lib/guards";
import { formatDateTime } from "@/app/_lib/labels";
import { listLockouts } from "@/db/queries/users";
import { LiftLockoutForm } from "./lift-lockout-form";

export const metadata: Metadata = { title: "登录锁定" };

const KIND_LABELS = { username: "账号", address: "地址" } as const;
const FORM_ID = "lift-lockout";

function statusOf(l: { liftedAt: string | null; lockedUntil: string }, nowIso: string): string {
  if (l.liftedAt) return "已解除";
  return l.lockedUntil > nowIso ? "锁定中" : "已到期";
}

export default async function LockoutsPage() {
  await requirePermission("lockout.lift", {}, { next: "/city/lockouts" });
  const nowIso = new Date().toISOString();
  const { active, recent } = await listLockouts(nowIso);
  const th = "px-3 py-2 font-medium";
  const td = "px-3 py-2";
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">登录锁定</h1>
        <p className="mt-1 text-sm text-slate-600">同一账号 {authSettings.windowMinutes} 分钟内登录失败 {authSettings.usernameFailures} 次会被锁定 {authSettings.lockMinutes} 分钟；同一地址失败超过 {authSettings.addressFailures} 次会暂停该地址登录。确认是本人操作后可以提前解除。</p>
      </div>

      <section aria-labelledby="active-heading" className="space-y-3">
        <h2 id="active-heading" className="text-lg font-semibold">当前生效的锁定</h2>
        <LiftLockoutForm id={FORM_ID} />
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">当前生效的登录锁定，共 {active.length} 条</caption>
            <thead>
              <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-500">
                <th scope="col" className={th}>类型</th>
                <th scope="col" className={th}>账号或地址</th>
                <th scope="col" className={th}>锁定时间</th>
                <th scope="col" className={th}>解锁时间</th>
                <th scope="col" className={`${th} text-right`}>失败次数</th>
                <th scope="col" className={th}><span className="sr-only">操作</span></th>
              </tr>
            </thead>
            <tbody>
              {active.length === 0 && (
                <tr>
                  <td colSpan={6} className="px-3 py-6 text-center text-slate-500">目前没有生效的锁定</td>
                </tr>
              )}
              {active.map((l) => (
                <tr key={l.id} className="border-b border-slate-100 last:border-0">
                  <td className={td}>{KIND_LABELS[l.kind]}</td>
                  <th scope="row" className={`${td} text-left font-mono font-normal`}>{l.key}</th>
                  <td className={`${td} tabular whitespace-nowrap`}>{formatDateTime(l.lockedAt)}</td>
                  <td className={`${td} tabular whitespace-nowrap`}>{formatDateTime(l.lockedUntil)}</td>
                  <td className={`${td} tabular text-right`}>{l.failures}</td>
                  <td className={`${td} text-right`}>
                    <button
                      type="submit"
                      form={FORM_ID}
                      name="lockoutId"
                      value={l.id}
                      aria-label={`解除${KIND_LABELS[l.kind]} ${l.key} 的锁定`}
                      className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-800 hover:bg-red-50"
                    >
                      解除锁定
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="recent-heading" className="space-y-3">
        <h2 id="recent-heading" className="text-lg font-semibold">最近的锁定记录</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">最近 50 条登录锁定记录</caption>
            <thead>
              <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-500">
                <th scope="col" className={th}>类型</th>
                <th scope="col" className={th}>账号或地址</th>
                <th scope="col" className={th}>锁定时间</th>
                <th scope="col" className={th}>解锁时间</th>
                <th scope="col" className={`${th} text-right`}>失败次数</th>
                <th scope="col" className={th}>状态</th>
                <th scope="col" className={th}>解除人</th>
                <th scope="col" className={th}>解除时间</th>
              </tr>
            </thead>
            <tbody>
              {recent.length === 0 && (
                <tr>
                  <td colSpan={8} className="px-3 py-6 text-center text-slate-500">还没有锁定记录</td>
                </tr>
              )}
              {recent.map((l) => (
                <tr key={l.id} className="border-b border-slate-100 last:border-0">
                  <td className={td}>{KIND_LABELS[l.kind]}</td>
                  <th scope="row" className={`${td} text-left font-mono font-normal`}>{l.key}</th>
                  <td className={`${td} tabular whitespace-nowrap`}>{formatDateTime(l.lockedAt)}</td>
                  <td className={`${td} tabular whitespace-nowrap`}>{formatDateTime(l.lockedUntil)}</td>
                  <td className={`${td} tabular text-right`}>{l.failures}</td>
                  <td className={td}>{statusOf(l, nowIso)}</td>
                  <td className={td}>{l.liftedByName ?? "—"}</td>
                  <td className={`${td} tabular whitespace-nowrap`}>{formatDateTime(l.liftedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
