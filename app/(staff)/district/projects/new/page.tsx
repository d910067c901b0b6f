import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/guards";
import { listProjectFormChoices } from "@/db/queries/projects";
import { getScopeName } from "@/db/queries/users";
import { projectAccess } from "../access";
import { registerChoices } from "../register-fields";
import { CreateProjectForm } from "./create-project-form";

export const metadata: Metadata = { title: "新建项目" };

export default async function NewProjectPage() {
  const user = await requireUser({ next: "/district/projects/new" });
  const access = await projectAccess(user);
  const choices = await listProjectFormChoices(access.campaign.id);
  const districtName = access.acrossDistricts ? null : await getScopeName(user.districtId, null);
  return (
    <div className="max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href="/district/projects" className="text-brand-700 underline">← 项目管理</Link>
      </p>
      <h1 className="text-2xl font-bold">新建项目</h1>
      <p className="text-sm text-slate-600">
        {access.campaign.year} 年项目库{districtName ? ` · ${districtName}` : "：请选择项目所在区县"}。金额单位为亿元，可填 1,234.5 这样的数字。
      </p>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <CreateProjectForm choices={registerChoices(choices)} districts={access.acrossDistricts ? choices.districts.map((d) => ({ value: String(d.id), label: d.name })) : null} />
      </div>
    </div>
  );
}
