/**
 * Key-project progress in the words the city publishes, e.g.
 * "交通项目40个，总投资1200亿元，年度计划投资120亿元；1—3月完成投资33亿元，完成年度计划的27.5%，超序时进度2.5个百分点".
 */
import { pace } from "./pace";
import { monthNumber, ytdLabel } from "./months";

const YI = 10000; // 万元 per 亿元

export interface SectorFigures {
  label: string;
  projects: number;
  totalInvestment: number;
  annualPlan: number;
  doneYtd: number;
}

export function sectorSentence(s: SectorFigures, month: string, warnBp = 500): string {
  // Running text carries no thousands separators ("总投资1200亿元"), one decimal at most.
  const yi = (v: number) => `${Math.round(v / (YI / 10)) / 10}亿元`;
  const p = pace(s.doneYtd, s.annualPlan, monthNumber(month), null, warnBp);
  const share = p.share == null ? "—" : `${(Math.round(p.share * 1000) / 10).toFixed(1)}%`;
  const gap = p.gapPoints == null ? "" : p.gapPoints === 0 ? "，与序时进度持平" : p.gapPoints > 0 ? `，超序时进度${p.gapPoints.toFixed(1)}个百分点` : `，落后序时进度${(-p.gapPoints).toFixed(1)}个百分点`;
  return `${s.label}${s.projects}个，总投资${yi(s.totalInvestment)}，年度计划投资${yi(s.annualPlan)}；${ytdLabel(month)}完成投资${yi(s.doneYtd)}，完成年度计划的${share}${gap}`;
}
