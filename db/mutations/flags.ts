/**
 * Plausibility flags: the warnings a district saw on a number and kept it anyway with a note.
 * Written inside the caller's save transaction, so a flag and its value commit together.
 * Callers must already have passed the policy check for editing this district-month.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "../client";
import { plausibilityFlags } from "../schema";
import { notifyPlausibilityFlag } from "./notify-events";

export interface FlagWrite {
  /** Stable rule code, e.g. "project_above_remaining_plan". */
  rule: string;
  /** The sentence the clerk saw, with the numbers, in Chinese. */
  message: string;
}

export interface FlagSubject {
  campaignId: number;
  districtId: number;
  month: string;
  subject: "figure" | "project";
  indicatorId?: number | null;
  projectId?: number | null;
}

/**
 * Replaces the unresolved flags of one value (one indicator or one project in one district-month)
 * with the warnings it carries now. An empty list clears them (the value no longer trips a rule).
 * Flags never exist without a note: the caller refuses a flagged value without one.
 */
export async function replaceFlags(tx: Tx, s: FlagSubject, flags: readonly FlagWrite[], note: string | null, actorId: number): Promise<void> {
  const subjectWhere =
    s.subject === "figure" ? eq(plausibilityFlags.indicatorId, s.indicatorId ?? -1) : eq(plausibilityFlags.projectId, s.projectId ?? -1);
  await tx
    .delete(plausibilityFlags)
    .where(
      and(
        eq(plausibilityFlags.campaignId, s.campaignId),
        eq(plausibilityFlags.districtId, s.districtId),
        eq(plausibilityFlags.month, s.month),
        eq(plausibilityFlags.subject, s.subject),
        subjectWhere,
        isNull(plausibilityFlags.resolvedAt),
      ),
    );
  if (flags.length === 0) return;
  await tx.insert(plausibilityFlags).values(
    flags.map((f) => ({
      campaignId: s.campaignId,
      districtId: s.districtId,
      month: s.month,
      subject: s.subject,
      indicatorId: s.subject === "figure" ? (s.indicatorId ?? null) : null,
      projectId: s.subject === "project" ? (s.projectId ?? null) : null,
      rule: f.rule,
      message: f.message,
      note: note ?? "",
      createdBy: actorId,
    })),
  );
  // Each kept warning is told once (deduplicated per value and rule), however often it is saved again.
  const key = s.subject === "figure" ? `i${s.indicatorId}` : `p${s.projectId}`;
  for (const f of flags) await notifyPlausibilityFlag(tx, { campaignId: s.campaignId, districtId: s.districtId, month: s.month, key: `${key}:${f.rule}`, message: f.message, actorId });
}
