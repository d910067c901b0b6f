import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePermission } from "@/app/_lib/guards";
import { formatDateTime, ROLE_LABELS } from "@/domain/labels";
import { listUsers } from "@/db/queries/users";

export const metadata: Metadata = { title: "用户管理" };

const searchSchema = z.object({ q: z.string().trim().max(50).catch("") });

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("user.manage", {}, { next: "/city/users" });
  const { q } = searchSchema.parse({ q: first((await searchParams).q) ?? "" });
  const rows = await listUsers(q || undefined);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">用户管理</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/city/users/bulk" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm text-slate-800 no-underline hover:bg-slate-100">
            批量导入账号
          </Link>
          <Link href="/city/users/new" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-800">
            新建用户
          </Link>
        </div>
      </div>
      <form method="get" action="/city/users" role="search" className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="q" className="block text-sm font-medium text-slate-700">搜索用户</label>
          <input id="q" name="q" type="search" defaultValue={q} placeholder="用户名或姓名" className="mt-1 w-64 rounded-md border border-slate-300 px-3 py-2" />
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm text-slate-800 hover:bg-slate-100">搜索</button>
        {q && <Link href="/city/users" className="px-2 py-2 text-sm text-brand-700 underline">清除搜索</Link>}
      </form>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{q ? `用户名或姓名包含“${q}”的用户` : "全部用户"}，共 {rows.length} 个</caption>
          <thead>
            <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-500">
              <th scope="col" className="px-3 py-2 font-medium">用户名</th>
              <th scope="col" className="px-3 py-2 font-medium">姓名</th>
              <th scope="col" className="px-3 py-2 font-medium">角色</th>
              <th scope="col" className="px-3 py-2 font-medium">范围</th>
              <th scope="col" className="px-3 py-2 font-medium">状态</th>
              <th scope="col" className="px-3 py-2 font-medium">两步验证</th>
              <th scope="col" className="px-3 py-2 font-medium">需改密码</th>
              <th scope="col" className="px-3 py-2 font-medium">最近登录</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={8} className="px-3 py-6 text-center text-slate-500">没有找到用户</td>
              </tr>
            )}
            {rows.map((u) => (
              <tr key={u.id} className={`border-b border-slate-100 last:border-0 hover:bg-slate-50 ${u.active ? "" : "text-slate-500"}`}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/city/users/${u.id}`} className="text-brand-700 underline">{u.username}</Link>
                </th>
                <td className="px-3 py-2">{u.displayName}</td>
                <td className="px-3 py-2">{ROLE_LABELS[u.role]}</td>
                <td className="px-3 py-2">{u.districtName ?? u.departmentName ?? "全市"}</td>
                <td className="px-3 py-2">
                  {u.active ? (
                    <span className="rounded-full bg-green-50 px-2 py-0.5 text-xs text-green-800">启用</span>
                  ) : (
                    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">停用</span>
                  )}
                </td>
                <td className="px-3 py-2">{u.totpEnabled ? "已开启" : "未开启"}</td>
                <td className="px-3 py-2">{u.mustChangePassword ? "是" : "否"}</td>
                <td className="tabular px-3 py-2 whitespace-nowrap">{formatDateTime(u.lastLoginAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
