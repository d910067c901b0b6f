import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/guards";
import { todayInShanghai } from "@/domain/months";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { listScopeOptions } from "@/db/queries/users";
import { draftSubject } from "../subject";
import { OrderForm } from "./order-form";

export const metadata: Metadata = { title: "下达督办单" };

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export default async function NewOrderPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePermission("order.issue", {}, { next: "/city/orders/new" });
  const campaign = await getCurrentCampaign();
  if (!campaign) notFound();
  const q = await searchParams;
  const subject = await draftSubject(campaign, q);
  const scopes = await listScopeOptions();
  const options = [
    ...scopes.districts.map((d) => ({ value: `district:${d.id}`, label: d.name })),
    ...scopes.departments.map((d) => ({ value: `department:${d.id}`, label: d.name })),
  ];
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">下达督办单</h1>
      <p className="text-sm text-slate-600">督办对象：{subject.label}</p>
      <div className="rounded-lg border border-slate-200 bg-white p-5">
        <OrderForm
          responsibleOptions={options}
          defaults={{
            subjectType: subject.subjectType,
            indicatorId: subject.indicatorId?.toString() ?? "",
            projectId: subject.projectId?.toString() ?? "",
            problemId: subject.problemId?.toString() ?? "",
            month: subject.month ?? "",
            responsible: subject.districtId ? `district:${subject.districtId}` : "",
            issue: subject.issue,
            requirement: "请分析原因，提出整改措施和完成时限，并在办结期限前反馈办理情况。",
            deadlineOn: addDays(todayInShanghai(), 14),
            level: "general",
          }}
        />
      </div>
    </div>
  );
}
