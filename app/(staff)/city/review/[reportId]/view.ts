/** Turns the review page's rows into what its tables show (figures by action, projects by sector). */
import type { FlagRow } from "@/db/queries/plausibility";
import type { ReviewValue } from "@/db/queries/review";
import type { listReviewProjects } from "@/db/queries/review-detail";
import { figureDiff, projectDiff, type Baseline, type FigureData } from "../_lib/baseline";
import { figureText, type FigureKind } from "../_lib/format";
import type { FigureGroupView } from "./figures-table";
import type { ProjectRowView } from "./projects-table";

type ProjectRow = Awaited<ReturnType<typeof listReviewProjects>>[number];

export function kindOf(v: ReviewValue): FigureKind {
  return {
    aggregation: v.aggregation,
    unit: { symbol: v.unitSymbol, scale: v.unitScale },
    partUnit: v.partUnitSymbol != null && v.partUnitScale != null ? { symbol: v.partUnitSymbol, scale: v.partUnitScale } : null,
  };
}

function currentOf(v: ReviewValue): FigureData | undefined {
  if (v.value == null && v.numerator == null && v.denominator == null && !v.noData) return undefined;
  return { value: v.value, numerator: v.numerator, denominator: v.denominator, noData: !!v.noData };
}

export function buildFigureGroups(values: ReviewValue[], baseline: Baseline, flags: FlagRow[]): FigureGroupView[] {
  const groups: FigureGroupView[] = [];
  for (const v of values) {
    const kind = kindOf(v);
    const current = currentOf(v);
    const d = figureDiff(baseline, v.indicatorId, current);
    const old = baseline.kind === "first" ? "（首次报送）" : baseline.kind === "returned-missing" ? "（未留存）" : figureText(kind, d.old);
    const row = {
      indicatorId: v.indicatorId,
      name: v.name,
      now: figureText(kind, current),
      noDataReason: current?.noData ? v.note || "未说明原因" : null,
      note: v.note,
      old,
      changed: d.changed,
      flags: flags.filter((f) => f.subject === "figure" && f.indicatorId === v.indicatorId),
    };
    const last = groups[groups.length - 1];
    if (last && last.actionId === v.actionId) last.rows.push(row);
    else groups.push({ actionId: v.actionId, actionName: v.actionName, rows: [row] });
  }
  return groups;
}

/** The month's rows, plus rows the compared data had that are gone now (shown as removed). */
export function buildProjectRows(
  rows: ProjectRow[],
  removed: { projectId: number; code: string; name: string }[],
  baseline: Baseline,
  flags: FlagRow[],
): ProjectRowView[] {
  const flagsOf = (projectId: number) => flags.filter((f) => f.subject === "project" && f.projectId === projectId);
  const out: ProjectRowView[] = rows.map((r) => {
    const d = projectDiff(baseline, r.projectId, r.investment);
    return {
      projectId: r.projectId,
      code: r.code,
      name: r.name,
      sectorName: r.sectorName ?? "未分行业",
      investment: r.investment,
      old: d.old,
      changed: d.changed,
      note: r.note,
      flags: flagsOf(r.projectId),
    };
  });
  for (const p of removed) {
    out.push({ projectId: p.projectId, code: p.code, name: p.name, sectorName: "本月已删除的填报", investment: null, old: baseline.data?.projects[String(p.projectId)] ?? null, changed: true, note: null, flags: flagsOf(p.projectId) });
  }
  return out;
}
