/**
 * What the review page compares a district-month with (pure, unit-tested):
 * - a month reopened for correction: its approved (published) values — "更正：原审定值 → 更正后";
 * - a month approved before: the last approved values;
 * - a month returned and resubmitted: the submission that was returned;
 * - otherwise nothing to compare with (first submission, or the returned data was not kept).
 */
import type { ReportSnapshotData } from "@/db/schema";
import type { ReportStatus } from "@/domain/codes";

export type FigureData = ReportSnapshotData["figures"][string];

export type BaselineKind = "restating" | "approved" | "returned" | "returned-missing" | "first" | "none";

export interface Baseline {
  kind: BaselineKind;
  data: ReportSnapshotData | null;
  /** When the compared data was recorded (snapshot time), if known. */
  at: string | null;
}

export interface BaselineInput {
  status: ReportStatus;
  restating: boolean;
  official: boolean;
  returnedAt: string | null;
  approvedSnapshot: { at: string; data: ReportSnapshotData } | null;
  /** Submitted snapshots, newest first (the latest is the current submission when status is "submitted"). */
  submittedSnapshots: { at: string; data: ReportSnapshotData }[];
  /** The approved copies kept on the rows (figure_values.approved_*, project_progress.approved_investment). */
  approvedCopies: ReportSnapshotData;
}

export function chooseBaseline(i: BaselineInput): Baseline {
  if (i.status === "approved") return { kind: "none", data: null, at: null };
  // Months approved before snapshots were kept still have their approved copies.
  const approved = i.approvedSnapshot ?? (i.official ? { at: null, data: i.approvedCopies } : null);
  if (approved) return { kind: i.restating ? "restating" : "approved", data: approved.data, at: approved.at };
  const returned = i.status === "submitted" ? i.submittedSnapshots[1] : i.submittedSnapshots[0];
  if (returned) return { kind: "returned", data: returned.data, at: returned.at };
  if (i.returnedAt) return { kind: "returned-missing", data: null, at: null };
  if (i.status === "draft") return { kind: "none", data: null, at: null };
  return { kind: "first", data: null, at: null };
}

const EMPTY: FigureData = { value: null, numerator: null, denominator: null, noData: false };

export function sameFigure(a: FigureData | undefined, b: FigureData | undefined): boolean {
  const x = a ?? EMPTY;
  const y = b ?? EMPTY;
  return x.value === y.value && x.numerator === y.numerator && x.denominator === y.denominator && !!x.noData === !!y.noData;
}

/** The compared value of a figure and whether the current one differs from it (never "changed" without a baseline). */
export function figureDiff(b: Baseline, indicatorId: number, current: FigureData | undefined): { changed: boolean; old: FigureData } {
  if (!b.data) return { changed: false, old: EMPTY };
  const old = b.data.figures[String(indicatorId)] ?? EMPTY;
  return { changed: !sameFigure(old, current), old };
}

/** The compared amount of a project's month (null: no row then) and whether it changed. */
export function projectDiff(b: Baseline, projectId: number, current: number | null): { changed: boolean; old: number | null } {
  if (!b.data) return { changed: false, old: null };
  const old = b.data.projects[String(projectId)] ?? null;
  return { changed: old !== current, old };
}

/** The approved copies as snapshot data (only rows that carry one). */
export function copiesAsData(
  figures: { indicatorId: number; approvedValue: number | null; approvedNumerator: number | null; approvedDenominator: number | null }[],
  projectRows: { projectId: number; approvedInvestment: number | null }[],
): ReportSnapshotData {
  const data: ReportSnapshotData = { figures: {}, projects: {} };
  for (const f of figures) {
    if (f.approvedValue == null && f.approvedNumerator == null && f.approvedDenominator == null) continue;
    data.figures[String(f.indicatorId)] = { value: f.approvedValue, numerator: f.approvedNumerator, denominator: f.approvedDenominator, noData: false };
  }
  for (const p of projectRows) if (p.approvedInvestment != null) data.projects[String(p.projectId)] = p.approvedInvestment;
  return data;
}

export const BASELINE_LABELS: Record<BaselineKind, { column: string; note: string }> = {
  restating: { column: "原审定值", note: "更正：原审定值 → 更正后" },
  approved: { column: "上次审定值", note: "与上次审定值相比" },
  returned: { column: "退回前报送值", note: "与退回前报送的数据相比" },
  "returned-missing": { column: "退回前报送值", note: "本月曾被退回，退回前报送的数据未留存，无法逐项比较" },
  first: { column: "上次审定值", note: "首次报送，没有可比较的数据" },
  none: { column: "", note: "" },
};
