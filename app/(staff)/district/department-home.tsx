import Link from "next/link";
import { requirePermission, type SessionUser } from "@/app/_lib/guards";
import { monthLabel } from "@/domain/months";
import { ReportStateBadge } from "@/components/report-state-badge";
import { countReportedIndicators, listFilledIndicators, listOwnedIndicators } from "@/db/queries/clerk-home";
import { listReportingDistricts } from "@/db/queries/figures";
import { getDistrictMonthState } from "@/db/queries/reporting";
import { getScopeName } from "@/db/queries/users";
import { OpenOrders } from "./open-orders";
import { editorOrderScope } from "./orders/scope";

/** Where a derived indicator's numbers come from: the ledger the department keeps. */
function source(rule: string | null): { href: string; text: string } | null {
  if (!rule) return null;
  if (rule.startsWith("signings_")) return { href: "/district/signings", text: "由签约项目台账自动汇总" };
  if (rule === "problems_resolved") return { href: "/district/problems", text: "由难题台账自动汇总" };
  if (rule === "parks_in_status") return { href: "/district/parks", text: "由园区台账自动汇总" };
  if (rule.startsWith("projects_") || rule === "project_investment") return { href: "/district/projects", text: "由项目台账自动汇总" };
  return null;
}

/**
 * A department editor's home: the indicators the department owns (not thirteen districts with
 * nothing to fill), how many districts have its reported ones filled this month, and one button
 * to the next district still missing some.
 */
export async function DepartmentHome({ user, campaignId, month, today }: { user: SessionUser; campaignId: number; month: string; today: string }) {
  await requirePermission("account.update");
  const departmentId = user.departmentId ?? -1;
  const [name, owned, reportedCount, districts] = await Promise.all([
    getScopeName(null, user.departmentId),
    listOwnedIndicators(campaignId, departmentId),
    countReportedIndicators(campaignId, departmentId),
    listReportingDistricts(),
  ]);
  // Fill status across districts, of the department's own indicators only (policy: report.read of owned data).
  if (reportedCount > 0) await requirePermission("report.read", { ownerDepartmentIds: [departmentId] });
  const filled = reportedCount > 0 ? await listFilledIndicators(campaignId, month, districts.map((d) => d.id), departmentId) : [];
  const states = reportedCount > 0 ? await Promise.all(districts.map((d) => getDistrictMonthState(campaignId, d.id, month))) : [];
  const rows = districts.map((d, i) => {
    const state = states[i]?.state ?? null;
    const left = reportedCount - filled.filter((f) => f.districtId === d.id).length;
    return { ...d, state, left, editable: state === "draft" || state === "returned" };
  });
  const next = rows.find((r) => r.left > 0 && r.editable);
  const filledBy = (indicatorId: number) => new Set(filled.filter((f) => f.indicatorId === indicatorId).map((f) => f.districtId)).size;
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{name} · {monthLabel(month)}填报</h1>
      <OpenOrders campaignId={campaignId} scope={editorOrderScope(user)!} today={today} />
      <section aria-labelledby="owned" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="owned" className="text-lg font-semibold">本部门主管的指标</h2>
        {owned.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">本部门目前没有主管的指标。</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {owned.map((i) => {
              const src = source(i.rule);
              return (
                <li key={i.id} data-owned-indicator={i.id} className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-medium text-slate-900">{i.name}</span>
                  {i.kind === "reported" ? (
                    <span className="text-slate-600">按区县逐月填报：{monthLabel(month)}已填 {filledBy(i.id)}/{districts.length} 个区县</span>
                  ) : src ? (
                    <Link href={src.href} className="text-brand-700 underline">{src.text}</Link>
                  ) : (
                    <span className="text-slate-600">自动汇总</span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {reportedCount === 0 && owned.length > 0 && <p className="mt-3 text-sm text-slate-600">这些指标都由台账自动汇总，不需要按区县逐月填报。</p>}
        {next && (
          <Link href={`/district/figures?district=${next.code}&month=${month}`} className="mt-3 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">
            填写下一个区县：{next.name}（还差 {next.left} 项）
          </Link>
        )}
      </section>
      {reportedCount > 0 && (
        <section aria-labelledby="districts" className="space-y-2">
          <h2 id="districts" className="text-lg font-semibold">各区县{monthLabel(month)}（本部门的 {reportedCount} 项指标）</h2>
          <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {rows.map((d) => (
              <li key={d.code} className="flex items-center justify-between gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
                <Link href={`/district/figures?district=${d.code}&month=${month}`} className="text-brand-700 underline">{d.name}</Link>
                <span className="flex items-center gap-2">
                  <span className={d.left > 0 ? "text-amber-800" : "text-slate-600"}>{d.left > 0 ? `还差 ${d.left} 项` : "已填完"}</span>
                  <ReportStateBadge state={d.state} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
