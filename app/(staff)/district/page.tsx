import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { monthLabel, todayInShanghai } from "@/domain/months";
import { ReportStateBadge } from "@/components/report-state-badge";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { countOverdueProblems, listReturnedMonths } from "@/db/queries/district-home";
import { getDefaultMonth, getDistrictMonthState } from "@/db/queries/reporting";
import { getScopeName } from "@/db/queries/users";
import { DepartmentHome } from "./department-home";
import { getMonthLeft, leftSentence, type MonthLeft } from "./month-left";
import { OpenOrders } from "./open-orders";
import { editorOrderScope } from "./orders/scope";
import { formatDateTime } from "@/domain/format";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "填报首页" };

export default async function DistrictHomePage() {
  const user = await requireUser({ next: "/district" });
  if (user.role !== "district_editor" && user.role !== "department_editor") forbidden();
  const campaign = await getCurrentCampaign();
  if (!campaign) notFound();
  const month = await getDefaultMonth(campaign.id);
  if (!month) notFound();
  const today = todayInShanghai();

  if (user.role === "department_editor") return <DepartmentHome user={user} campaignId={campaign.id} month={month} today={today} />;

  const districtId = user.districtId!;
  await requirePermission("report.read", { districtId });
  const [state, returned, overdueProblems, left, name] = await Promise.all([
    getDistrictMonthState(campaign.id, districtId, month),
    listReturnedMonths(campaign.id, districtId),
    countOverdueProblems(campaign.id, districtId, today),
    getMonthLeft(campaign.id, districtId, month),
    getScopeName(districtId, null),
  ]);
  const missingProgress = left.projectsLeft;
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
          {late && <Badge look="soft" colors="bg-red-50 text-red-800">已逾期</Badge>}
          {state?.submittedAt && <span className="text-slate-600">报送于 {formatDateTime(state.submittedAt)}</span>}
        </p>
        {notSent && <p className="mt-3 text-base font-medium" data-month-left>{leftSentence(left)}</p>}
        <NextStep month={month} left={left} editable={!!notSent} />
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

/** The one button of the month: to the next missing thing (figures first, then projects), else to submit or to read. */
function NextStep({ month, left, editable }: { month: string; left: MonthLeft; editable: boolean }) {
  const first = left.indicators[0];
  const [href, text] = !editable
    ? [`/district/figures?month=${month}`, "查看本月指标"]
    : first
      ? [`/district/figures?month=${month}&focus=${first.id}`, `填写指标（还差 ${left.indicators.length} 项）`]
      : left.projectsLeft > 0
        ? [`/district/projects/progress?month=${month}`, `填写项目投资（还差 ${left.projectsLeft} 个）`]
        : [`/district/figures?month=${month}`, "检查并报送本月月报"];
  return (
    <Link href={href} data-next-step className="mt-3 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">
      {text}
    </Link>
  );
}
