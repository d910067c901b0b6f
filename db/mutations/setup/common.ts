/**
 * Shared pieces of the campaign set-up mutations (city admins, `campaign.manage`). Every write
 * runs in one transaction with its audit row and checks the version the form was loaded with.
 * An archived campaign is read-only: every campaign-scoped write re-checks its status inside
 * the transaction, so a guard that was skipped (or a race with "archive") cannot slip through.
 */
import { eq } from "drizzle-orm";
import type { Tx } from "../../client";
import { campaigns, type CampaignStatus } from "../../schema";

import type { Outcome, Refused } from "@/domain/outcome";

export type SetupFailure =
  | Refused<"not-found" | "conflict" | "archived">
  /** A unique code already taken; `field` names the form field. */
  | Refused<"duplicate", { field: string }>
  /** The change is not allowed in this state; `message` says why (Chinese). */
  | Refused<"refused", { message: string; field?: string }>;

export type SetupOutcome<T = void> = Outcome<T, SetupFailure>;

export const nowIso = () => new Date().toISOString();

/** The campaign's status inside the transaction, or null when it does not exist. */
export async function campaignStatus(tx: Tx, campaignId: number): Promise<CampaignStatus | null> {
  const rows = await tx.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaignId));
  return rows[0]?.status ?? null;
}

/** null when the campaign may be changed, else the failure to return. */
export async function writableCampaign(tx: Tx, campaignId: number): Promise<SetupFailure | null> {
  const status = await campaignStatus(tx, campaignId);
  if (status === null) return { ok: false, reason: "not-found" };
  if (status === "archived") return { ok: false, reason: "archived" };
  return null;
}

/** Swaps a row with its neighbour in a list ordered by (sortOrder, id); returns the new order per id. */
export function moveInOrder<T extends { id: number; sortOrder: number }>(rows: readonly T[], id: number, direction: "up" | "down"): Map<number, number> | null {
  const ordered = [...rows].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const i = ordered.findIndex((r) => r.id === id);
  const j = direction === "up" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= ordered.length) return null;
  [ordered[i], ordered[j]] = [ordered[j]!, ordered[i]!];
  // Renumber the siblings 1..n (keeps gaps and ties from earlier data from confusing the order).
  const base = Math.min(...ordered.map((r) => r.sortOrder));
  const changes = new Map<number, number>();
  ordered.forEach((r, k) => {
    if (r.sortOrder !== base + k) changes.set(r.id, base + k);
  });
  return changes;
}

/** Due date of a month's report: `day` of the following month (day is 1–28, so always valid). */
export function dueOnFor(month: string, day: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return `${next}-${String(day).padStart(2, "0")}`;
}

export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
}
