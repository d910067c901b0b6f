import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePermission } from "@/app/_lib/guards";
import { ROLE_LABELS } from "@/domain/labels";
import { listUsers } from "@/db/queries/users";
import { FilterBar, FilterSearch } from "@/components/ui/filter-bar";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/domain/format";
import { Badge } from "@/components/ui/badge";

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
      <FilterBar action="/city/users" layout="row" bare button="secondary" submitLabel="搜索" filtered={!!q} clearLabel="清除搜索">
        <FilterSearch label="搜索用户" value={q} placeholder="用户名或姓名" controlClassName="mt-1 w-64 rounded-md border border-slate-300 px-3 py-2" />
      </FilterBar>
      <DataTable caption={<>{q ? `用户名或姓名包含“${q}”的用户` : "全部用户"}，共 {rows.length} 个</>} look="framed" head={<>
            <tr>
              <th scope="col">用户名</th>
              <th scope="col">姓名</th>
              <th scope="col">角色</th>
              <th scope="col">范围</th>
              <th scope="col">状态</th>
              <th scope="col">两步验证</th>
              <th scope="col">需改密码</th>
              <th scope="col">最近登录</th>
            </tr>
      </>}>
            {rows.length === 0 && (
              <tr>
                <td colSpan={8} className="py-6 text-center text-slate-500">没有找到用户</td>
              </tr>
            )}
            {rows.map((u) => (
              <tr key={u.id} className={`border-b border-slate-100 last:border-0 hover:bg-slate-50 ${u.active ? "" : "text-slate-500"}`}>
                <th scope="row" className="font-medium">
                  <Link href={`/city/users/${u.id}`} className="text-brand-700 underline">{u.username}</Link>
                </th>
                <td>{u.displayName}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td>{u.districtName ?? u.departmentName ?? "全市"}</td>
                <td>
                  {u.active ? (
                    <Badge look="soft" colors="bg-green-50 text-green-800">启用</Badge>
                  ) : (
                    <Badge look="soft" colors="bg-slate-100 text-slate-700">停用</Badge>
                  )}
                </td>
                <td>{u.totpEnabled ? "已开启" : "未开启"}</td>
                <td>{u.mustChangePassword ? "是" : "否"}</td>
                <td className="tabular whitespace-nowrap">{formatDateTime(u.lastLoginAt)}</td>
              </tr>
            ))}
      </DataTable>
    </div>
  );
}
