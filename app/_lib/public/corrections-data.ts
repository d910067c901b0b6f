/*
 * Corrections of approved months as the public sees them: for each public indicator, every
 * approved correction of a district-month's value (original → revised, when, why). Reported
 * figures carry their own old and new values; an indicator summed from project investment
 * changes by what its corrected projects changed, and its month totals before and after each
 * correction are worked back from today's published total. Pure (no database), so it is tested
 * directly; app/(public)/_lib/public-data.ts feeds it.
 */

import type { FigureCorrectionRow, ProjectCorrectionEvent } from "@/db/queries/corrections";

export interface FigureParts {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface PublicCorrection {
  indicatorId: number;
  districtId: number;
  /** YYYY-MM */
  month: string;
  /** The district-month's own value (base units; ratios: numerator and denominator). */
  original: FigureParts;
  revised: FigureParts;
  reason: string;
  /** ISO timestamp of the approval that made the correction official. */
  correctedAt: string;
  /** "figure": a reported value; "projects": the sum of project investment. */
  basis: "figure" | "projects";
}

export interface CorrectionIndicator {
  id: number;
  kind: "reported" | "derived" | "milestone";
  derivation: { rule: string; params: Record<string, unknown> } | null;
}

export type FigureCorrectionInput = Omit<FigureCorrectionRow, "id">;

export type ProjectEventInput = Omit<ProjectCorrectionEvent, "reportId">;

export interface MonthTotalInput {
  districtId: number;
  month: string;
  all: number;
  key: number;
}

const amount = (value: number): FigureParts => ({ value, numerator: null, denominator: null });

/** Corrections by indicator id (oldest first), for the given indicators only. */
export function indicatorCorrections(
  inds: readonly CorrectionIndicator[],
  figures: readonly FigureCorrectionInput[],
  events: readonly ProjectEventInput[],
  totals: readonly MonthTotalInput[],
): Map<number, PublicCorrection[]> {
  const out = new Map<number, PublicCorrection[]>();
  const wanted = new Set(inds.map((i) => i.id));
  for (const f of figures) {
    if (!wanted.has(f.indicatorId)) continue;
    const list = out.get(f.indicatorId) ?? [];
    list.push({
      indicatorId: f.indicatorId,
      districtId: f.districtId,
      month: f.month,
      original: { value: f.oldValue, numerator: f.oldNumerator, denominator: f.oldDenominator },
      revised: { value: f.newValue, numerator: f.newNumerator, denominator: f.newDenominator },
      reason: f.reason,
      correctedAt: f.correctedAt,
      basis: "figure",
    });
    out.set(f.indicatorId, list);
  }

  const totalOf = new Map(totals.map((t) => [`${t.districtId}|${t.month}`, t]));
  const byMonth = new Map<string, ProjectEventInput[]>();
  for (const e of events) {
    const k = `${e.districtId}|${e.month}`;
    byMonth.set(k, [...(byMonth.get(k) ?? []), e]);
  }
  for (const ind of inds) {
    if (ind.kind === "reported" || ind.derivation?.rule !== "project_investment") continue;
    const keyOnly = ind.derivation.params.keyOnly === true;
    const list = out.get(ind.id) ?? [];
    for (const [k, monthEvents] of byMonth) {
      // Newest first: today's total is the latest correction's revised value; each earlier
      // correction's revised value is the next one's original.
      let running = keyOnly ? (totalOf.get(k)?.key ?? 0) : (totalOf.get(k)?.all ?? 0);
      const newestFirst = [...monthEvents].sort((a, b) => b.correctedAt.localeCompare(a.correctedAt));
      for (const e of newestFirst) {
        const delta = keyOnly ? e.deltaKey : e.deltaAll;
        if (delta === 0) continue;
        list.push({ indicatorId: ind.id, districtId: e.districtId, month: e.month, original: amount(running - delta), revised: amount(running), reason: e.reason, correctedAt: e.correctedAt, basis: "projects" });
        running -= delta;
      }
    }
    if (list.length > 0) out.set(ind.id, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.correctedAt.localeCompare(b.correctedAt) || a.month.localeCompare(b.month) || a.districtId - b.districtId);
  return out;
}

/**
 * By month 1..m: when the latest correction included in that month's figure was approved, or
 * null. An amount or count to month i includes every month up to i; a rate is that month's alone.
 * `districtId` null: the city (every district).
 */
export function correctedThrough(list: readonly PublicCorrection[], year: number, m: number, districtId: number | null, isRate: boolean): (string | null)[] {
  const latestByMonth = new Array<string | null>(m).fill(null);
  for (const c of list) {
    if (districtId != null && c.districtId !== districtId) continue;
    if (!c.month.startsWith(`${year}-`)) continue;
    const i = Number(c.month.slice(5)) - 1;
    if (i < 0 || i >= m) continue;
    const cur = latestByMonth[i];
    if (cur == null || c.correctedAt > cur) latestByMonth[i] = c.correctedAt;
  }
  if (isRate) return latestByMonth;
  let run: string | null = null;
  return latestByMonth.map((at) => {
    if (at != null && (run == null || at > run)) run = at;
    return run;
  });
}
