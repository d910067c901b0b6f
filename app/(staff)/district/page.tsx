import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { formatDateTime } from "@/app/_lib/labels";
import { monthLabel, todayInShanghai } from "@/app/_lib/months";
import { ReportStateBadge } from "@/components/report-state-badge";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { countOverdueProblems, countProjectsWithoutProgress, listReturnedMonths } from "@/db/queries/district-home";
import { listReportingDistricts } from "@/db/queries/figures";
import { getDefaultMonth, getDistrictMonthState } from "@/db/queries/reporting";
import { getScopeName } from "@/db/queries/users";
import { listOrders } from "@/db/queries/orders";
import { getDatabase } from "@/db/index";
import { escalateOverdueOrders } from "@/db/mutations/orders";
import { OrderLevelBadge, OrderStatusBadge, OverdueBadge, overdueDays } from "@/components/orders/badges";
import { editorOrderScope } from "./orders/scope";

export const metadata: Metadata = { title: "填报首页" };

/** Supervision orders waiting for this district or department: shown first, they are the city's explicit asks. */
async function OpenOrders({ campaignId, scope, today }: { campaignId: number; scope: NonNullable<ReturnType<typeof editorOrderScope>>; today: string }) {
  await escalateOverdueOrders(await getDatabase(), today);
  const orders = (await listOrders(campaignId, scope, { status: "active" })).filter((o) => o.status !== "responded");
  return (
    <section aria-labelledby="orders" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="orders" className="text-lg font-semibold">待办督办单</h2>
      {orders.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">没有待办的督办单。</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm">
          {orders.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/district/orders/${o.id}`} className="font-medium text-brand-700 underline">{o.code}</Link>
              <OrderStatusBadge status={o.status} />
              <OrderLevelBadge level={o.level} />
              <OverdueBadge days={overdueDays(o, today)} />
              <span className="text-slate-700">{o.issue}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function DistrictHomePage() {
  const user = await requireUser({ next: "/district" });
  if (user.role !== "district_editor" && user.role !== "department_editor") forbidden();
  const campaign = await getCurrentCampaign();
  if (!campaign) notFound();
  const month = await getDefaultMonth(campaign.id);
  if (!month) notFound();
  const today = todayInShanghai();

  if (user.role === "department_editor") {
    await requirePermission("account.update");
    const districts = await listReportingDistricts();
    const states = await Promise.all(districts.map((d) => getDistrictMonthState(campaign.id, d.id, month)));
    return (
      <div className="space-y-5">
        <h1 className="text-2xl font-bold">{await getScopeName(null, user.departmentId)} · {monthLabel(month)}填报</h1>
        <OpenOrders campaignId={campaign.id} scope={editorOrderScope(user)!} today={today} />
        <p className="text-sm text-slate-600">您负责本部门主管指标在各区县的数据。区县报送后由专项办审核。</p>
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {districts.map((d, i) => (
            <li key={d.code} className="flex items-center justify-between rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
              <Link href={`/district/figures?district=${d.code}&month=${month}`} className="text-brand-700 underline">{d.name}</Link>
              <ReportStateBadge state={states[i]?.state ?? null} />
            </li>
          ))}
        </ul>
      </div>
    );
  }

  const districtId = user.districtId!;
  await requirePermission("report.read", { districtId });
  const [state, returned, overdueProblems, missingProgress, name] = await Promise.all([
    getDistrictMonthState(campaign.id, districtId, month),
    listReturnedMonths(campaign.id, districtId),
    countOverdueProblems(campaign.id, districtId, today),
    countProjectsWithoutProgress(campaign.id, districtId, month),
    getScopeName(districtId, null),
  ]);
  const due = state?.dueOn ?? "";
  const notSent = state && (state.state === "draft" || state.state === "returned");
  // Lateness against the month's own deadline; a month the office marked as history entry is never "逾期".
  const late = notSent && !state.historical && today > due;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{name} · 本期待办</h1>
      <OpenOrders campaignId={campaign.id} scope={editorOrderScope(user)!} today={today} />
      <section aria-labelledby="this-month" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="this-month" className="text-lg font-semibold">{monthLabel(month)}月报</h2>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <ReportStateBadge state={state?.state ?? null} />
          <span>报送截止 {due}</span>
          {late && <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs text-red-800">已逾期</span>}
          {state?.submittedAt && <span className="text-slate-600">报送于 {formatDateTime(state.submittedAt)}</span>}
        </p>
        <Link href={`/district/figures?month=${month}`} className="mt-3 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">
          {notSent ? "填写本月指标" : "查看本月指标"}
        </Link>
      </section>
      <section aria-labelledby="returned" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="returned" className="text-lg font-semibold">被退回的月报</h2>
        {returned.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">没有被退回的月报。</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {returned.map((r) => (
              <li key={r.month} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
                <Link href={`/district/figures?month=${r.month}`} className="font-medium underline">{monthLabel(r.month)}</Link>：{r.comment}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="problems" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="problems" className="text-lg font-semibold">逾期未解决的难题</h2>
          <p className={`mt-2 text-3xl font-bold tabular ${overdueProblems > 0 ? "text-red-700" : "text-slate-900"}`} data-count="overdue-problems">{overdueProblems}</p>
          <Link href="/district/problems?overdue=1" className="text-sm text-brand-700 underline">查看难题清单</Link>
        </section>
        <section aria-labelledby="progress" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="progress" className="text-lg font-semibold">本月未填进度的重点项目</h2>
          <p className={`mt-2 text-3xl font-bold tabular ${missingProgress > 0 ? "text-amber-800" : "text-slate-900"}`} data-count="missing-progress">{missingProgress}</p>
          <Link href={`/district/projects/progress?month=${month}`} className="text-sm text-brand-700 underline">批量填报项目进度</Link>
        </section>
      </div>
    </div>
  );
}
