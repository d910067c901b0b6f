import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/guards";
import { ROLE_LABELS } from "@/domain/labels";
import { getScopeName, getUserForEdit, listScopeOptions } from "@/db/queries/users";
import { EditUserForm, EndSessionsForm, ResetPasswordForm } from "./user-forms";
import { formatDateTime } from "@/domain/format";

export const metadata: Metadata = { title: "用户详情" };

export default async function UserPage({ params, searchParams }: { params: Promise<{ userId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePermission("user.manage", {}, { next: `/city/users/${encodeURIComponent((await params).userId)}` });
  const { userId } = await params;
  if (!/^[1-9]\d{0,8}$/.test(userId)) notFound();
  const user = await getUserForEdit(Number(userId));
  if (!user) notFound();
  const { created } = await searchParams;
  const [options, scopeName] = await Promise.all([listScopeOptions(), getScopeName(user.districtId, user.departmentId)]);
  const isSelf = user.id === admin.id;

  // Keep a user's current district or department selectable even after it was deactivated.
  const districts = options.districts.map((d) => ({ value: String(d.id), label: d.name }));
  if (user.districtId !== null && !options.districts.some((d) => d.id === user.districtId)) districts.push({ value: String(user.districtId), label: `${scopeName ?? user.districtId}（已停用）` });
  const departments = options.departments.map((d) => ({ value: String(d.id), label: d.name }));
  if (user.departmentId !== null && !options.departments.some((d) => d.id === user.departmentId)) departments.push({ value: String(user.departmentId), label: `${scopeName ?? user.departmentId}（已停用）` });

  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href="/city/users" className="text-brand-700 underline">← 用户管理</Link>
      </p>
      <h1 className="text-2xl font-bold">
        {user.displayName} <span className="text-base font-normal text-slate-500">{user.username}</span>
      </h1>
      {created === "1" && (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          用户已创建。请把用户名和初始密码告知本人；首次登录时必须修改密码。
        </p>
      )}
      <dl className="grid grid-cols-[8rem_1fr] gap-y-2 rounded-lg border border-slate-200 bg-white p-5 text-sm">
        <dt className="text-slate-500">用户名</dt>
        <dd>{user.username}</dd>
        <dt className="text-slate-500">角色</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
        <dt className="text-slate-500">范围</dt>
        <dd>{scopeName ?? "全市"}</dd>
        <dt className="text-slate-500">状态</dt>
        <dd>{user.active ? "启用" : "停用"}</dd>
        <dt className="text-slate-500">两步验证</dt>
        <dd>{user.totpEnabled ? "已开启" : "未开启"}</dd>
        <dt className="text-slate-500">需改密码</dt>
        <dd>{user.mustChangePassword ? "是（下次登录时必须修改）" : "否"}</dd>
        <dt className="text-slate-500">最近登录</dt>
        <dd className="tabular">{formatDateTime(user.lastLoginAt)}</dd>
      </dl>

      <section aria-labelledby="edit-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="edit-heading" className="mb-3 text-lg font-semibold">修改资料与权限</h2>
        <EditUserForm user={user} choices={{ districts, departments }} isSelf={isSelf} />
      </section>

      <section aria-labelledby="reset-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="reset-heading" className="mb-3 text-lg font-semibold">重置密码</h2>
        {isSelf ? (
          <p className="text-sm text-slate-600">
            这是您自己的账号，请在 <Link href="/account/password" className="text-brand-700 underline">修改密码</Link> 页面修改。
          </p>
        ) : (
          <ResetPasswordForm userId={user.id} version={user.version} />
        )}
      </section>

      <section aria-labelledby="sessions-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="sessions-heading" className="mb-3 text-lg font-semibold">结束登录</h2>
        {isSelf ? (
          <p className="text-sm text-slate-600">
            这是您自己的账号，请在 <Link href="/account" className="text-brand-700 underline">我的账号</Link> 页面使用“退出所有设备”。
          </p>
        ) : (
          <EndSessionsForm userId={user.id} />
        )}
      </section>
    </div>
  );
}
