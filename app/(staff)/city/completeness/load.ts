import "server-only";
import { todayInShanghai } from "@/domain/months";
import { getCampaignDates, listCompleteness } from "@/db/queries/completeness";
import { listReportingDistricts } from "@/db/queries/figures";
import { classify, countMonth, type CompletenessCell, type MonthCounts } from "./status";

export interface CompletenessMonth {
  month: string;
  dueOn: string;
  locked: boolean;
  /** Marked as history entered late on purpose (no lateness claimed), with the office's reason. */
  historical: boolean;
  historicalReason: string | null;
  /** By district id. */
  cells: Map<number, CompletenessCell>;
  counts: MonthCounts;
}

export interface CompletenessBoard {
  districts: Awaited<ReturnType<typeof listReportingDistricts>>;
  months: CompletenessMonth[];
}

/** The board: every opened month (up to `upToMonth`) × reporting district. Caller must have checked `city.read`. */
export async function loadCompletenessBoard(campaignId: number, upToMonth?: string): Promise<CompletenessBoard> {
  const [rows, districts, dates] = await Promise.all([listCompleteness(campaignId, upToMonth), listReportingDistricts(), getCampaignDates(campaignId)]);
  const today = todayInShanghai();
  const months: CompletenessMonth[] = [];
  for (const r of rows) {
    let m = months[months.length - 1];
    if (!m || m.month !== r.month) {
      m = { month: r.month, dueOn: r.dueOn, locked: r.locked, historical: r.historical, historicalReason: r.historicalReason, cells: new Map(), counts: countMonth([]) };
      months.push(m);
    }
    m.cells.set(r.districtId, classify(r, today, dates ?? {}));
  }
  for (const m of months) m.counts = countMonth([...m.cells.values()]);
  return { districts, months };
}
