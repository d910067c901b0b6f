/**
 * A district-month's figures and its review: save (draft), submit, approve, return, and the
 * month lock. Each function re-reads the state inside its write transaction, so a race with
 * another save, a submission or a lock cannot slip through; every change is audited there too.
 * Callers must already have passed the policy check for the action on this district-month.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { OpenDatabase, Tx } from "../client";
import { figureValues, indicators, monthlyReports, periods, plausibilityFlags, users, type ReportStatus } from "../schema";
import { insertAuditEvent } from "./audit";
import { replaceFlags, type FlagWrite } from "./flags";
import { snapshotReport } from "./review";

/** Writes here are a signed-in user's: the actor has an id. */
import type { UserActor } from "@/domain/actor";
import type { Outcome, Refused } from "@/domain/outcome";

export interface FigureWrite {
  indicatorId: number;
  /** The indicator's code, as the audit record names it; read from the indicators when left out. */
  code?: string;
  /** The version the form was loaded with; 0 when there was no value yet. */
  expectedVersion: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  /** "本月无数据" stated for this indicator (value null; the note gives the reason). */
  noData?: boolean;
  /**
   * Plausibility warnings the value carries (kept with its note); replaces the indicator's
   * unresolved flags. Left out or empty: the value trips no rule, and its old flags are cleared.
   */
  flags?: FigureFlagWrite[];
}

export interface FigureFlagWrite extends FlagWrite {
  /** The note kept with this flag when it is not the value's own (the copied-form flag carries the form-level note). */
  note?: string;
}

export interface FigureConflict {
  indicatorId: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  updatedByName: string | null;
  updatedAt: string | null;
}

/** One figure as the save's transaction left it: what the form shows next, with its new version. */
export interface StoredFigure {
  indicatorId: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  noData: boolean;
  version: number;
}

export type SaveOutcome = Outcome<
  { changed: number; status: ReportStatus; stored: StoredFigure[] },
  Refused<"state", { status: ReportStatus | "locked" }> | Refused<"conflict", { conflicts: FigureConflict[] }>
>;

const nowIso = () => new Date().toISOString();

async function reportFor(tx: Tx, periodId: number, districtId: number) {
  // One statement: the period and, when the district has one, its report for that period.
  const [row] = await tx
    .select({
      period: { id: periods.id, campaignId: periods.campaignId, locked: periods.locked, isOpen: periods.isOpen, month: periods.month },
      reportId: monthlyReports.id,
      status: monthlyReports.status,
      version: monthlyReports.version,
    })
    .from(periods)
    .leftJoin(monthlyReports, and(eq(monthlyReports.periodId, periods.id), eq(monthlyReports.districtId, districtId)))
    .where(eq(periods.id, periodId));
  const report = row?.reportId != null && row.status != null && row.version != null ? { id: row.reportId, status: row.status, version: row.version } : undefined;
  return { period: row?.period, report };
}

/**
 * Saves the rows of a district-month's figures form (all or nothing), creating the report as a
 * draft on first save, and optionally submits it in the same transaction.
 */
export async function saveFigureValues(open: OpenDatabase, args: SaveFiguresArgs): Promise<SaveOutcome> {
  return open.write((tx) => saveFigureValuesTx(tx, args));
}

export interface SaveFiguresArgs {
  periodId: number;
  districtId: number;
  rows: FigureWrite[];
  submit: boolean;
  actor: UserActor;
  allowSubmitted?: boolean;
}

/** The same inside a caller's transaction (the Excel import saves figures and progress together). */
export async function saveFigureValuesTx(tx: Tx, args: SaveFiguresArgs): Promise<SaveOutcome> {
  {
    const { period, report } = await reportFor(tx, args.periodId, args.districtId);
    if (!period || period.locked || !period.isOpen) return { ok: false, reason: "state", status: "locked" };
    // The campaign office may correct a submitted month before approving it (allowSubmitted).
    const editable = !report || report.status === "draft" || report.status === "returned" || (args.allowSubmitted === true && report.status === "submitted");
    if (!editable || (args.submit && report?.status === "submitted")) return { ok: false, reason: "state", status: report!.status };

    let reportId = report?.id;
    if (!reportId) {
      const [created] = await tx
        .insert(monthlyReports)
        .values({ periodId: args.periodId, districtId: args.districtId, status: "draft", updatedBy: args.actor.id })
        .returning({ id: monthlyReports.id });
      reportId = created!.id;
    }
    const ids = args.rows.map((r) => r.indicatorId);
    // Every figure of the report (a new report has none): the rows the form posted are checked
    // against them, and what the save leaves is worked out from them (`stored` below).
    const existing = report
      ? await tx
          .select({
            id: figureValues.id,
            indicatorId: figureValues.indicatorId,
            value: figureValues.value,
            numerator: figureValues.numerator,
            denominator: figureValues.denominator,
            note: figureValues.note,
            noData: figureValues.noData,
            version: figureValues.version,
            updatedAt: figureValues.updatedAt,
            updatedByName: users.displayName,
          })
          .from(figureValues)
          .leftJoin(users, eq(users.id, figureValues.updatedBy))
          .where(eq(figureValues.reportId, reportId))
      : [];
    const byIndicator = new Map(existing.map((e) => [e.indicatorId, e]));
    const conflicts: FigureConflict[] = [];
    for (const r of args.rows) {
      const cur = byIndicator.get(r.indicatorId);
      if ((cur?.version ?? 0) !== r.expectedVersion) {
        conflicts.push({ indicatorId: r.indicatorId, value: cur?.value ?? null, numerator: cur?.numerator ?? null, denominator: cur?.denominator ?? null, updatedByName: cur?.updatedByName ?? null, updatedAt: cur?.updatedAt ?? null });
      }
    }
    if (conflicts.length > 0) return { ok: false, reason: "conflict", conflicts };

    const codeless = args.rows.filter((r) => r.code === undefined).map((r) => r.indicatorId);
    const codes = new Map(
      (codeless.length ? await tx.select({ id: indicators.id, code: indicators.code }).from(indicators).where(inArray(indicators.id, codeless)) : []).map((i) => [i.id, i.code]),
    );
    for (const r of args.rows) if (r.code !== undefined) codes.set(r.indicatorId, r.code);
    // What the transaction leaves, by indicator: the report's figures, each write applied below.
    const stored = new Map<number, StoredFigure>(
      existing.map((e) => [e.indicatorId, { indicatorId: e.indicatorId, value: e.value, numerator: e.numerator, denominator: e.denominator, note: e.note, noData: e.noData, version: e.version }]),
    );
    const oldFlags = await unresolvedFigureFlags(tx, period.campaignId, args.districtId, period.month, ids);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const now = nowIso();
    for (const r of args.rows) {
      const cur = byIndicator.get(r.indicatorId);
      const noData = r.noData === true;
      const flags = (r.flags ?? []).map((f) => ({ rule: f.rule, message: f.message, note: f.note ?? r.note ?? "" }));
      if (flags.some((f) => f.note === "")) throw new Error("A plausibility flag needs a note: the caller must refuse a flagged value without one");
      const had = oldFlags.get(r.indicatorId) ?? [];
      const flagsSame = flagKey(had) === flagKey(flags);
      const same = cur && cur.value === r.value && cur.numerator === r.numerator && cur.denominator === r.denominator && (cur.note ?? null) === r.note && cur.noData === noData;
      const empty = r.value === null && r.numerator === null && r.denominator === null && r.note === null && !noData;
      const valueSame = same || (!cur && empty);
      if (valueSame && flagsSame) continue;
      const code = codes.get(r.indicatorId) ?? String(r.indicatorId);
      before[code] = cur ? { value: cur.value, numerator: cur.numerator, denominator: cur.denominator, note: cur.note, noData: cur.noData, flags: had } : null;
      after[code] = { value: r.value, numerator: r.numerator, denominator: r.denominator, note: r.note, noData, flags };
      if (!valueSame && cur) {
        await tx
          .update(figureValues)
          .set({ value: r.value, numerator: r.numerator, denominator: r.denominator, note: r.note, noData, updatedBy: args.actor.id, updatedAt: now, version: sql`${figureValues.version} + 1` })
          .where(and(eq(figureValues.id, cur.id), eq(figureValues.version, r.expectedVersion)));
        stored.set(r.indicatorId, storedAs(r, noData, cur.version + 1));
      } else if (!valueSame) {
        await tx.insert(figureValues).values({ reportId, indicatorId: r.indicatorId, value: r.value, numerator: r.numerator, denominator: r.denominator, note: r.note, noData, updatedBy: args.actor.id });
        stored.set(r.indicatorId, storedAs(r, noData, 1));
      }
      if (!flagsSame) await storeFlags(tx, { campaignId: period.campaignId, districtId: args.districtId, month: period.month, indicatorId: r.indicatorId }, flags, r.note, args.actor.id);
    }
    const changed = Object.keys(after).length;
    if (changed > 0) {
      await insertAuditEvent(tx, { actorUserId: args.actor.id, actorName: args.actor.name, action: "figures.save", entity: "monthly_report", entityId: reportId, districtId: args.districtId, before, after, clientAddress: args.actor.clientAddress });
    }
    let status: ReportStatus = report?.status ?? "draft";
    if (args.submit) {
      await tx
        .update(monthlyReports)
        .set({ status: "submitted", submittedBy: args.actor.id, submittedAt: now, updatedBy: args.actor.id, updatedAt: now, version: sql`${monthlyReports.version} + 1` })
        .where(eq(monthlyReports.id, reportId));
      await snapshotReport(tx, reportId, "submitted", args.actor.id);
      await insertAuditEvent(tx, { actorUserId: args.actor.id, actorName: args.actor.name, action: "report.submit", entity: "monthly_report", entityId: reportId, districtId: args.districtId, before: { status }, after: { status: "submitted" }, clientAddress: args.actor.clientAddress });
      status = "submitted";
    } else if (changed > 0) {
      await tx.update(monthlyReports).set({ updatedBy: args.actor.id, updatedAt: now }).where(eq(monthlyReports.id, reportId));
    }
    // The report's figures as this transaction leaves them, so the caller can answer the form
    // without reading the whole month again after the commit (tests/db/save-figures-flags.test.ts
    // compares them with the rows read back).
    return { ok: true, value: { changed, status, stored: [...stored.values()] } };
  }
}

/** A written figure as the database keeps it (a new row starts at version 1, the column's default; -0 is kept as 0). */
const storedAs = (r: FigureWrite, noData: boolean, version: number): StoredFigure => {
  const num = (v: number | null) => (v === 0 ? 0 : v);
  return { indicatorId: r.indicatorId, value: num(r.value), numerator: num(r.numerator), denominator: num(r.denominator), note: r.note, noData, version };
};

type StoredFlag = { rule: string; message: string; note: string };
/** Order-free identity of a set of flags, so an unchanged value keeps its flags (and their dates) untouched. */
const flagKey = (fs: readonly StoredFlag[]) => JSON.stringify(fs.map((f) => [f.rule, f.message, f.note]).sort());

/** Unresolved flags of the given indicators in one district-month, by indicator. */
async function unresolvedFigureFlags(tx: Tx, campaignId: number, districtId: number, month: string, indicatorIds: number[]): Promise<Map<number, StoredFlag[]>> {
  const out = new Map<number, StoredFlag[]>();
  if (indicatorIds.length === 0) return out;
  const rows = await tx
    .select({ indicatorId: plausibilityFlags.indicatorId, rule: plausibilityFlags.rule, message: plausibilityFlags.message, note: plausibilityFlags.note })
    .from(plausibilityFlags)
    .where(
      and(
        eq(plausibilityFlags.campaignId, campaignId),
        eq(plausibilityFlags.districtId, districtId),
        eq(plausibilityFlags.month, month),
        eq(plausibilityFlags.subject, "figure"),
        inArray(plausibilityFlags.indicatorId, indicatorIds),
        isNull(plausibilityFlags.resolvedAt),
      ),
    );
  for (const r of rows) {
    if (r.indicatorId == null) continue;
    out.set(r.indicatorId, [...(out.get(r.indicatorId) ?? []), { rule: r.rule, message: r.message, note: r.note }]);
  }
  return out;
}

/**
 * Replaces one value's unresolved flags: those kept with the value's own note through
 * replaceFlags, a flag with a note of its own (the copied-form flag) added beside them.
 */
async function storeFlags(tx: Tx, s: { campaignId: number; districtId: number; month: string; indicatorId: number }, flags: StoredFlag[], note: string | null, actorId: number) {
  const own = flags.filter((f) => f.note === (note ?? ""));
  const others = flags.filter((f) => f.note !== (note ?? ""));
  await replaceFlags(tx, { ...s, subject: "figure" }, own, note, actorId);
  if (others.length === 0) return;
  await tx.insert(plausibilityFlags).values(
    others.map((f) => ({ campaignId: s.campaignId, districtId: s.districtId, month: s.month, subject: "figure" as const, indicatorId: s.indicatorId, rule: f.rule, message: f.message, note: f.note, createdBy: actorId })),
  );
}
