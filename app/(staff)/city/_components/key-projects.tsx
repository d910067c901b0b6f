/**
 * Key projects by sector in the city's own wording (sectorSentence) and as a table. The rows
 * come from loadKeyProjectSectors; totals are sums of the rows.
 */
import Link from "next/link";
import type { SectorRollupRow } from "@/db/queries/key-project-sectors";
import { monthNumber, ytdLabel } from "@/domain/months";
import { pace } from "@/domain/pace";
import { sectorSentence } from "@/domain/sector-sentence";
import { formatGap, formatPercent, formatYi } from "@/domain/format";
import { PaceBadge } from "./pace-badge";
import { DataTable } from "@/components/ui/data-table";

export interface SectorTotals {
  projects: number;
  totalInvestment: number;
  annualPlan: number;
  doneYtd: number;
}

export function sumSectors(rows: readonly SectorTotals[]): SectorTotals {
  return rows.reduce((a, r) => ({ projects: a.projects + r.projects, totalInvestment: a.totalInvestment + r.totalInvestment, annualPlan: a.annualPlan + r.annualPlan, doneYtd: a.doneYtd + r.doneYtd }), { projects: 0, totalInvestment: 0, annualPlan: 0, doneYtd: 0 });
}

/** "全市300个市重点项目完成年度计划投资的82.4%，落后序时进度0.9个百分点" */
export function keyProjectHeadline(scope: string, t: SectorTotals, month: string, warnBp: number): string {
  const p = pace(t.doneYtd, t.annualPlan, monthNumber(month), null, warnBp);
  if (p.share == null) return `${scope}${t.projects}个市重点项目尚无年度计划投资`;
  const gap = p.gapPoints === 0 ? "与序时进度持平" : p.gapPoints! > 0 ? `超序时进度${p.gapPoints!.toFixed(1)}个百分点` : `落后序时进度${(-p.gapPoints!).toFixed(1)}个百分点`;
  return `${scope}${t.projects}个市重点项目完成年度计划投资的${formatPercent(p.share)}，${gap}`;
}

export function SectorSentences({ rows, month, warnBp }: { rows: readonly SectorRollupRow[]; month: string; warnBp: number }) {
  return (
    <ul className="space-y-1 text-sm leading-relaxed text-slate-800">
      {rows.map((r) => (
        <li key={r.sectorId ?? "none"} data-sector={r.sectorName}>
          {sectorSentence({ label: `${r.sectorName}项目`, projects: r.projects, totalInvestment: r.totalInvestment, annualPlan: r.annualPlan, doneYtd: r.doneYtd }, month, warnBp)}。
        </li>
      ))}
    </ul>
  );
}

// One decimal always, so the column lines up.
const yi = (v: number) => formatYi(v, "zh-CN", 1);

export function SectorTable({ caption, rows, total, totalLabel, month, warnBp, firstHeader = "行业", rowHref }: { caption: string; rows: readonly (SectorTotals & { label: string; key: string })[]; total: SectorTotals; totalLabel: string; month: string; warnBp: number; firstHeader?: string; rowHref?: (key: string) => string }) {
  const m = monthNumber(month);
  const line = (label: React.ReactNode, t: SectorTotals, key: string, strong = false) => {
    const p = pace(t.doneYtd, t.annualPlan, m, null, warnBp);
    return (
      <tr key={key} data-row={key} className={`border-b border-slate-100 last:border-0 ${strong ? "bg-slate-50 font-semibold" : ""}`}>
        <th scope="row" className="px-2 py-2 text-left font-normal">{label}</th>
        <td className="num whitespace-nowrap">{t.projects}</td>
        <td className="num whitespace-nowrap">{yi(t.totalInvestment)}</td>
        <td className="num whitespace-nowrap">{yi(t.annualPlan)}</td>
        <td className="num whitespace-nowrap">{yi(t.doneYtd)}</td>
        <td className="num whitespace-nowrap">{p.share == null ? "—" : formatPercent(p.share)}</td>
        <td className="num whitespace-nowrap">{formatGap(p.gapPoints)}</td>
        <td className="px-2 py-2"><PaceBadge status={p.status} /></td>
      </tr>
    );
  };
  return (
    <DataTable density="compact" caption={caption} head={<>
          <tr>
            <th scope="col">{firstHeader}</th>
            <th scope="col" className="num">项目数（个）</th>
            <th scope="col" className="num">总投资（亿元）</th>
            <th scope="col" className="num">年度计划投资（亿元）</th>
            <th scope="col" className="num">{ytdLabel(month)}完成投资（亿元）</th>
            <th scope="col" className="num">完成年度计划</th>
            <th scope="col" className="num">比序时进度（{formatPercent(m / 12)}）</th>
            <th scope="col">状态</th>
          </tr>
    </>}>
          {rows.map((r) => line(rowHref ? <Link href={rowHref(r.key)} className="text-brand-700 underline">{r.label}</Link> : r.label, r, r.key))}
          {line(totalLabel, total, "total", true)}
    </DataTable>
  );
}
