import "server-only";
import { sql } from "drizzle-orm";
import { fromDate, monthJoin, monthNumber, pointsOf, rowsOf, statusOf, str, toDate, type MonthStatus, type RuleQuery, type RuleScope } from "./shared";

/** Rules `signings_sum` and `signings_count`: investment deals, by amount or number, counted in the month signed (or landed). */

export interface SigningRecord {
  id: number;
  name: string;
  investor: string;
  amount: number;
  isOverseas: boolean;
  isCultureTourism: boolean;
  eventName: string | null;
  signedOn: string;
  landedOn: string | null;
  countedOn: string;
  status: MonthStatus;
}

export type SigningRecords = { kind: "signings"; measure: "sum" | "count"; dateField: "signed" | "landed"; rows: SigningRecord[] };

/** Which signings count: dated this year through the month, with the rule's flags and minimum amount. */
function counted(s: RuleScope) {
  const landed = s.params.landedOnly === true;
  const col = landed ? sql.raw("s.landed_on") : sql.raw("s.signed_on");
  const where = sql`s.campaign_id = ${s.campaignId} and ${col} between ${fromDate(s)} and ${toDate(s)}
    ${s.params.overseas === true ? sql` and s.is_overseas = 1` : sql``}
    ${s.params.cultureTourism === true ? sql` and s.is_culture_tourism = 1` : sql``}
    ${typeof s.params.minAmount === "number" ? sql` and s.amount >= ${s.params.minAmount}` : sql``}`;
  return { landed, col, where };
}

export const signings: RuleQuery<SigningRecords> = {
  filtersOwnApproval: false,
  points(db, s) {
    const { col, where } = counted(s);
    const measure = s.rule === "signings_sum" ? sql`sum(s.amount)` : sql`count(*)`;
    return pointsOf(db, sql`select s.district_id, ${monthNumber(col)} as m, ${measure} as value from signings s where ${where} group by s.district_id, m`);
  },
  async records(db, s, districtId, mode) {
    const { landed, col, where } = counted(s);
    const rows = await rowsOf(db, sql`
      select s.id as id, s.name as name, s.investor as investor, s.amount as amount, s.is_overseas as is_overseas, s.is_culture_tourism as is_culture_tourism,
             e.name as event_name, s.signed_on as signed_on, s.landed_on as landed_on, ${col} as counted_on, ar.status as status
      from signings s left join events e on e.id = s.event_id
      ${monthJoin(mode, s.campaignId, sql`substr(${col}, 1, 7)`, sql`s.district_id`)}
      where ${where} and s.district_id = ${districtId}
      order by ${col}, s.id`);
    return {
      kind: "signings",
      measure: s.rule === "signings_sum" ? "sum" : "count",
      dateField: landed ? "landed" : "signed",
      rows: rows.map((r) => ({
        id: Number(r.id),
        name: String(r.name),
        investor: String(r.investor),
        amount: Number(r.amount),
        isOverseas: Number(r.is_overseas) === 1,
        isCultureTourism: Number(r.is_culture_tourism) === 1,
        eventName: str(r.event_name),
        signedOn: String(r.signed_on),
        landedOn: str(r.landed_on),
        countedOn: String(r.counted_on),
        status: statusOf(r.status),
      })),
    };
  },
};
