import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/guards";
import { ROLE_LABELS } from "@/domain/labels";
import { getScopeName } from "@/db/queries/users";
import { signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "我的账号" };

export default async function AccountPage() {
  const user = await requireUser({ next: "/account" });
  const scope = await getScopeName(user.districtId, user.departmentId);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">我的账号</h1>
      <dl className="grid grid-cols-[8rem_1fr] gap-y-2 rounded-lg border border-slate-200 bg-white p-5 text-sm">
        <dt className="text-slate-500">用户名</dt>
        <dd>{user.username}</dd>
        <dt className="text-slate-500">姓名</dt>
        <dd>{user.displayName}</dd>
        <dt className="text-slate-500">角色</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
        <dt className="text-slate-500">范围</dt>
        <dd>{scope ?? "全市"}</dd>
        <dt className="text-slate-500">两步验证</dt>
        <dd>{user.totpEnabled ? "已开启" : "未开启"}</dd>
      </dl>
      <ul className="space-y-2 text-sm">
        <li><Link href="/account/password" className="text-brand-700 underline">修改密码</Link></li>
        <li><Link href="/account/two-factor" className="text-brand-700 underline">两步验证设置</Link></li>
      </ul>
      <form action={signOutEverywhereAction} className="rounded-lg border border-slate-200 bg-white p-5">
        <p className="text-sm text-slate-600">如果怀疑账号在其他设备上仍处于登录状态，可以结束本账号的全部登录（包括当前这次）。</p>
        <button type="submit" className="mt-3 rounded border border-red-300 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50">退出所有设备</button>
      </form>
    </div>
  );
}
