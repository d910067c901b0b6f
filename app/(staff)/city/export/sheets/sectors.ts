import "server-only";
import type ExcelJS from "exceljs";
import { monthNumber, ytdLabel } from "@/domain/months";
import { pace } from "@/domain/pace";
import { sectorSentence } from "@/domain/sector-sentence";
import { guardTextCells, styledSheet } from "@/app/_lib/excel/workbook";
import type { SectorRollupRow } from "@/db/queries/key-project-sectors";
import { amountFmt, display, pct, GAP_FMT, PCT_FMT } from "./common";

/** Key projects by sector in the city's published form, with a total row; then all key projects per district. */
export function sectorSheets(wb: ExcelJS.Workbook, bySector: SectorRollupRow[], byDistrict: { name: string; rows: SectorRollupRow[] }[], month: string, warnBp: number, scopeName: string): void {
  const ytd = ytdLabel(month);
  const columns = (first: string) => [
    { header: first, key: "label", width: 22 },
    { header: "项目数（个）", key: "projects", width: 11 },
    { header: "总投资（亿元）", key: "total", width: 14, numFmt: amountFmt(1) },
    { header: "年度计划投资（亿元）", key: "plan", width: 16, numFmt: amountFmt(1) },
    { header: `${ytd}完成投资（亿元）`, key: "done", width: 16, numFmt: amountFmt(1) },
    { header: "完成年度计划（%）", key: "share", width: 14, numFmt: PCT_FMT },
    { header: "序时进度（%）", key: "expected", width: 12, numFmt: PCT_FMT },
    { header: "超（+）或落后（−）序时（百分点）", key: "gap", width: 18, numFmt: GAP_FMT },
    { header: "表述", key: "sentence", width: 90 },
  ];
  const add = (ws: ExcelJS.Worksheet, label: string, s: { projects: number; totalInvestment: number; annualPlan: number; doneYtd: number }, sentenceLabel = label) => {
    const p = pace(s.doneYtd, s.annualPlan, monthNumber(month), null, warnBp);
    ws.addRow({
      label,
      projects: s.projects,
      total: display(s.totalInvestment, 10000),
      plan: display(s.annualPlan, 10000),
      done: display(s.doneYtd, 10000),
      share: pct(p.share),
      expected: pct(p.expected),
      gap: p.gapPoints,
      sentence: sectorSentence({ label: sentenceLabel, ...s }, month, warnBp),
    });
  };
  const total = (rows: SectorRollupRow[]) =>
    rows.reduce((a, r) => ({ projects: a.projects + r.projects, totalInvestment: a.totalInvestment + r.totalInvestment, annualPlan: a.annualPlan + r.annualPlan, doneYtd: a.doneYtd + r.doneYtd }), { projects: 0, totalInvestment: 0, annualPlan: 0, doneYtd: 0 });

  // Row labels and total rows as the page's tables (/city/projects) write them.
  const ws = styledSheet(wb, "按行业", columns("行业"));
  for (const r of bySector) add(ws, r.sectorName, r, `${r.sectorName}项目`);
  add(ws, scopeName === "全市" ? "全部市重点项目" : `${scopeName}合计`, total(bySector), `${scopeName}市重点项目`);
  ws.lastRow!.font = { bold: true };
  if (byDistrict.length > 0) {
    const wd = styledSheet(wb, "按区县", columns("区县"));
    for (const d of byDistrict) add(wd, d.name, total(d.rows), `${d.name}市重点项目`);
    add(wd, "全市", total(bySector), "全市市重点项目");
    wd.lastRow!.font = { bold: true };
  }
  guardTextCells(wb);
}
