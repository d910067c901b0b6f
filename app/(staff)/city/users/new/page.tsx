import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/guards";
import { listScopeOptions } from "@/db/queries/users";
import { CreateUserForm } from "./create-user-form";

export const metadata: Metadata = { title: "新建用户" };

export default async function NewUserPage() {
  await requirePermission("user.manage", {}, { next: "/city/users/new" });
  const options = await listScopeOptions();
  const choices = {
    districts: options.districts.map((d) => ({ value: String(d.id), label: d.name })),
    departments: options.departments.map((d) => ({ value: String(d.id), label: d.name })),
  };
  return (
    <div className="max-w-xl space-y-4">
      <p className="text-sm">
        <Link href="/city/users" className="text-brand-700 underline">← 用户管理</Link>
      </p>
      <h1 className="text-2xl font-bold">新建用户</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <CreateUserForm choices={choices} />
      </div>
    </div>
  );
}
