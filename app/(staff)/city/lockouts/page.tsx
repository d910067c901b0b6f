import type { Metadata } from "next";
import { authSettings } from "@/app/_lib/auth-settings";
import { requirePermission } from "@/app/_lib/guards";
import { listLockouts } from "@/db/queries/users";
import { LiftLockoutForm } from "./lift-lockout-form";
import { formatDateTime } from "@/domain/format";
import { DataTable, EmptyRow } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "登录锁定" };

const KIND_LABELS = { username_address: "账号（在此地址）", username: "账号（不常用地址）", address: "地址" } as const;
const FORM_ID = "lift-lockout";

type Lock = { kind: keyof typeof KIND_LABELS; key: string };

/** An account-at-address key "zhang@10.0.0.1" as its parts (usernames and addresses hold no "@"). */
function splitPair(key: string): { user: string; address: string } {
  const at = key.lastIndexOf("@");
  return at === -1 ? { user: key, address: "" } : { user: key.slice(0, at), address: key.slice(at + 1) };
}

/** What a lock holds, readably: "zhang", "10.0.0.1", or "zhang · 10.0.0.1" for an account at one address. */
function lockTarget(l: Lock): string {
  if (l.kind !== "username_address") return l.key;
  const p = splitPair(l.key);
  return `${p.user} · ${p.address}`;
}

function liftLabel(l: Lock): string {
  if (l.kind === "address") return `解除地址 ${l.key} 的锁定`;
  if (l.kind === "username") return `解除账号 ${l.key} 的锁定（不常用地址）`;
  const p = splitPair(l.key);
  return `解除账号 ${p.user} 的锁定（仅地址 ${p.address}）`;
}

const COLUMNS = ["类型", "账号或地址", "锁定时间", "解锁时间", { label: "失败次数", num: true }] as const;

function statusOf(l: { liftedAt: string | null; lockedUntil: string }, nowIso: string): string {
  if (l.liftedAt) return "已解除";
  return l.lockedUntil > nowIso ? "锁定中" : "已到期";
}

export default async function LockoutsPage() {
  await requirePermission("lockout.lift", {}, { next: "/city/lockouts" });
  const nowIso = new Date().toISOString();
  const { active, recent } = await listLockouts(nowIso);
  const accountWide = active.filter((l) => l.kind === "username");
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">登录锁定</h1>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-600">
          <li>同一账号从同一地址 {authSettings.windowMinutes} 分钟内登录失败 {authSettings.usernameFailures} 次，该账号在这个地址锁定 {authSettings.lockMinutes} 分钟；从其他地址仍可登录。</li>
          <li>同一地址 {authSettings.windowMinutes} 分钟内登录失败超过 {authSettings.addressFailures} 次（不论哪个账号），暂停该地址登录 {authSettings.lockMinutes} 分钟。</li>
          <li>同一账号 {authSettings.accountWindowMinutes} 分钟内从各地址累计失败 {authSettings.accountFailures} 次，暂停从不常用的地址登录 {authSettings.accountLockMinutes} 分钟；本人近 {authSettings.knownAddressDays} 天登录成功过的地址不受影响。</li>
        </ul>
        <p className="mt-2 text-sm text-slate-600">确认是本人操作后可以提前解除。</p>
      </div>

      {accountWide.length > 0 && (
        <section role="alert" aria-labelledby="notice-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          <h2 id="notice-heading" className="font-semibold">有账号可能正被人猜测密码</h2>
          <p className="mt-1">
            以下账号在 {authSettings.accountWindowMinutes} 分钟内从多个地址登录失败 {authSettings.accountFailures} 次以上，已暂停从不常用的地址登录：
            {accountWide.map((l) => l.key).join("、")}。请与账号本人核实，必要时重置密码；审计日志中可以查到失败来自哪些地址。
          </p>
        </section>
      )}

      <section aria-labelledby="active-heading" className="space-y-3">
        <h2 id="active-heading" className="text-lg font-semibold">当前生效的锁定</h2>
        <LiftLockoutForm id={FORM_ID} />
        <DataTable caption={<>当前生效的登录锁定，共 {active.length} 条</>} look="framed" columns={[...COLUMNS, { label: <span className="sr-only">操作</span> }]}>
              {active.length === 0 && <EmptyRow colSpan={6}>目前没有生效的锁定</EmptyRow>}
              {active.map((l) => (
                <tr key={l.id}>
                  <td className="whitespace-nowrap">{KIND_LABELS[l.kind]}</td>
                  <th scope="row" className="font-mono">{lockTarget(l)}</th>
                  <td className="tabular whitespace-nowrap">{formatDateTime(l.lockedAt)}</td>
                  <td className="tabular whitespace-nowrap">{formatDateTime(l.lockedUntil)}</td>
                  <td className="num">{l.failures}</td>
                  <td className="text-right">
                    <button
                      type="submit"
                      form={FORM_ID}
                      name="lockoutId"
                      value={l.id}
                      aria-label={liftLabel(l)}
                      className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-800 hover:bg-red-50"
                    >
                      解除锁定
                    </button>
                  </td>
                </tr>
              ))}
        </DataTable>
      </section>

      <section aria-labelledby="recent-heading" className="space-y-3">
        <h2 id="recent-heading" className="text-lg font-semibold">最近的锁定记录</h2>
        <DataTable caption="最近 50 条登录锁定记录" look="framed" columns={[...COLUMNS, "状态", "解除人", "解除时间"]}>
              {recent.length === 0 && <EmptyRow colSpan={8}>还没有锁定记录</EmptyRow>}
              {recent.map((l) => (
                <tr key={l.id}>
                  <td className="whitespace-nowrap">{KIND_LABELS[l.kind]}</td>
                  <th scope="row" className="font-mono">{lockTarget(l)}</th>
                  <td className="tabular whitespace-nowrap">{formatDateTime(l.lockedAt)}</td>
                  <td className="tabular whitespace-nowrap">{formatDateTime(l.lockedUntil)}</td>
                  <td className="num">{l.failures}</td>
                  <td>{statusOf(l, nowIso)}</td>
                  <td>{l.liftedByName ?? "—"}</td>
                  <td className="tabular whitespace-nowrap">{formatDateTime(l.liftedAt)}</td>
                </tr>
              ))}
        </DataTable>
      </section>
    </div>
  );
}
