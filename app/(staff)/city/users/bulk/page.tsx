import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/guards";
import { BulkAccountsForm } from "./bulk-form";
import { MAX_ACCOUNT_ROWS } from "./plan";

/** A download (a route handler), not a page: a plain link. */
const TEMPLATE_HREF = "/city/users/bulk/template";

export const metadata: Metadata = { title: "批量导入账号" };

export default async function BulkAccountsPage() {
  await requirePermission("user.manage", {}, { next: "/city/users/bulk" });
  return (
    <div className="max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href="/city/users" className="text-brand-700 underline">← 用户管理</Link>
      </p>
      <h1 className="text-2xl font-bold">批量导入账号</h1>
      <div className="space-y-2 text-sm text-slate-700">
        <p>
          <a href={TEMPLATE_HREF} download className="text-brand-700 underline">下载账号表模板</a>
          ，每行一个账号：用户名、姓名、角色（区县填报员、市直部门填报员或市领导）、区县或部门（名称或代码，模板的“可选值”表列出全部）。也可上传同样四列的 CSV 文件。
        </p>
        <p>新用户名会新建账号并给出一次性密码；已有的用户名按该行更新姓名、角色和范围，角色或范围改变时该用户的登录会全部结束。</p>
        <p>只要有一行有错，就不会创建或修改任何账号。一次最多 {MAX_ACCOUNT_ROWS} 行。专项办管理员账号请在“新建用户”中逐个创建。</p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <BulkAccountsForm />
      </div>
    </div>
  );
}
