import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePermission } from "@/app/_lib/guards";
import { isMonth, monthLabel } from "@/domain/months";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { listCorrectedMonths, listCorrections, type StaffCorrection } from "@/db/queries/corrections";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { listReportingDistricts } from "@/db/queries/figures";
import { formatDateTime, formatRatioPercent, formatWithUnit } from "@/domain/format";

export const metadata: Metadata = { title: "数据更正记录" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const code = z.string().regex(/^[A-Za-z0-9_-]{1,60}$/);
/** Each parameter on its own; a bad value is dropped, never a crash. */
const paramsSchema = z.object({
  district: code.optional().catch(undefined),
  month: z.string().refine(isMonth).optional().catch(undefined),
  indicator: code.optional().catch(undefined),
});

const exact = (scale: number) => Math.max(0, Math.round(Math.log10(scale)));

/** A corrected value as staff read it: exact, in the unit people use (ratios with their parts). */
function shown(c: StaffCorrection, which: "old" | "new"): string {
  const v = which === "old" ? c.oldValue : c.newValue;
  if (c.subject === "project") return v == null ? "—" : formatWithUnit(v, { code: "", symbol: "亿元", scale: 10000 }, 4);
  if (c.aggregation === "ratio") {
    const n = which === "old" ? c.oldNumerator : c.newNumerator;
    const d = which === "old" ? c.oldDenominator : c.newDenominator;
    return n != null && d ? `${formatRatioPercent(n, d)}（${n} / ${d}）` : "—";
  }
  const scale = c.unitScale ?? 1;
  return v == null ? "—" : formatWithUnit(v, { code: "", symbol: c.unitSymbol ?? "", scale }, exact(scale));
}


/**
 * Every correction of an approved month (restatement): original → revised, why, who reopened the
 * month and who approved the correction, filterable by district, month and indicator.
 */
export default async function CityCorrectionsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("city.read", {}, { next: "/city/corrections" });
  const sp = await searchParams;
  const first = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]);
  const params = paramsSchema.parse({ district: first("district"), month: first("month"), indicator: first("indicator") });
  const campaign = await getCurrentCampaign();
  if (!campaign) return <p className="text-slate-600">尚未设置专项行动。</p>;
  const [districts, months] = await Promise.all([listReportingDistricts(), listCorrectedMonths(campaign.id)]);
  const district = districts.find((d) => d.code === params.district);
  const rows = await listCorrections({ campaignId: campaign.id, districtId: district?.id ?? (params.district ? -1 : undefined), month: params.month, indicatorCode: params.indicator });
  const filtered = params.district !== undefined || params.month !== undefined || params.indicator !== undefined;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">数据更正记录</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">已审核月份经专项办重新打开、区县更正、再次审核通过后，每个改动的数值在这里留下原值和更正后的值、原因，以及重新打开和审核通过的人与时间。公众在指标页看到“已更正”标记和不含人名的更正记录。</p>
      </div>

      <FilterBar action="/city/corrections" label="筛选更正记录" className="sm:grid-cols-3" filtered={filtered}>
        <FilterSelect name="district" label="区县" value={params.district} options={districts.map((d) => ({ value: d.code, label: d.name }))} />
        <FilterSelect name="month" label="被更正的月份" value={params.month} options={months.map((m) => ({ value: m, label: monthLabel(m) }))} />
        {params.indicator && <input type="hidden" name="indicator" value={params.indicator} />}
      </FilterBar>

      <p role="status" className="text-sm text-slate-600">
        共 {rows.length} 条更正{params.indicator && <>（指标代码 <code className="font-mono">{params.indicator}</code>）</>}
      </p>

      <DataTable look="framed" bodies nowrapHead caption="数据更正记录，按审核通过时间从新到旧排列；每条更正下一行是原因和经办人" columns={["区县 · 月份", "指标或项目", { label: "原值 → 更正后", num: true }]}>
          {rows.length === 0 && (
            <tbody>
              <tr>
                <td colSpan={3} className="py-6 text-center text-slate-600">没有符合条件的更正记录</td>
              </tr>
            </tbody>
          )}
          {rows.map((c) => (
            <tbody key={c.id} data-correction={c.id}>
              <tr className="border-0">
                <th scope="row" className="pb-0 whitespace-nowrap">
                  {c.districtName}
                  <Link href={`/city/review/${c.reportId}`} className="block text-xs text-brand-700 underline">{monthLabel(c.month)}月报</Link>
                </th>
                <td className="pb-0">
                  {c.subject === "project" ? c.projectName : c.indicatorName}
                  <span className="block font-mono text-xs text-slate-600">{c.subject === "project" ? `项目 ${c.projectCode}` : c.indicatorCode}</span>
                </td>
                <td className="num pb-0">
                  <span data-original className="whitespace-nowrap text-slate-600">{shown(c, "old")}</span>
                  <span aria-hidden="true" className="text-slate-500"> → </span>
                  <span className="sr-only">，更正为</span>
                  <span data-revised className="inline-block font-medium whitespace-nowrap">{shown(c, "new")}</span>
                </td>
              </tr>
              <tr>
                <td colSpan={3} className="pt-1 pb-3 text-slate-700">
                  <p data-reason><span className="text-slate-600">更正原因：</span>{c.reason}</p>
                  <p className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-600">
                    <span data-reopened>重新打开：{c.reopenedByName ?? "—"}，{formatDateTime(c.reopenedAt)}</span>
                    <span data-approved>审核通过：{c.approvedByName ?? "—"}，{formatDateTime(c.approvedAt)}</span>
                  </p>
                </td>
              </tr>
            </tbody>
          ))}
      </DataTable>
    </div>
  );
}
