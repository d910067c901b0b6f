import "server-only";
import { sql } from "drizzle-orm";
import { fromDate, num, pointsOf, rowsOf, statusOf, toDate, type MonthStatus, type RollupMode, type RuleQuery, type RuleScope } from "./shared";

/**
 * Rule `parks_in_status`: parks in one of the rule's states (default trial operation or operating),
 * counted in the month they reached trial operation. Parks that reached it before this year count
 * from January whatever that month's approval; later ones count once their month is official.
 */

export interface ParkRecord {
  id: number;
  code: string;
  name: string;
  isPilot: boolean;
  parkStatus: "planning" | "construction" | "trial_operation" | "operating";
  plannedTrialOn: string | null;
  trialOperationOn: string;
  areaMu: number | null;
  /** Reached the state before this year: counts from January, whatever the month's approval. */
  carriedOver: boolean;
  status: MonthStatus;
}

export type ParkRecords = { kind: "parks"; rows: ParkRecord[] };

/** Which parks count (with the month's report left-joined as `ar`, so "official" can test it). */
function counted(s: RuleScope, mode: RollupMode) {
  const statuses = Array.isArray(s.params.statuses) ? s.params.statuses.map(String) : ["trial_operation", "operating"];
  const from = sql`parks k
    left join periods ap on ap.campaign_id = ${s.campaignId} and ap.month = substr(k.trial_operation_on, 1, 7)
    left join monthly_reports ar on ar.period_id = ap.id and ar.district_id = k.district_id`;
  const where = sql`k.campaign_id = ${s.campaignId} and k.trial_operation_on <= ${toDate(s)}
    and k.status in (${sql.join(statuses.map((x) => sql`${x}`), sql`, `)})
    ${s.params.pilotOnly === true ? sql` and k.is_pilot = 1` : sql``}
    ${mode === "all" ? sql`` : sql` and (k.trial_operation_on < ${fromDate(s)} or ar.official = 1)`}`;
  return { from, where };
}

export const parksInStatus: RuleQuery<ParkRecords> = {
  filtersOwnApproval: true,
  points(db, s, mode) {
    const { from, where } = counted(s, mode);
    return pointsOf(db, sql`select k.district_id, case when k.trial_operation_on < ${fromDate(s)} then 1 else cast(substr(k.trial_operation_on, 6, 2) as integer) end as m, count(*) as value
      from ${from} where ${where} group by k.district_id, m`);
  },
  async records(db, s, districtId, mode) {
    const { from, where } = counted(s, mode);
    const rows = await rowsOf(db, sql`
      select k.id as id, k.code as code, k.name as name, k.is_pilot as is_pilot, k.status as park_status, k.planned_trial_on as planned_trial_on,
             k.trial_operation_on as trial_operation_on, k.area_mu as area_mu, ar.status as status
      from ${from}
      where ${where} and k.district_id = ${districtId}
      order by k.trial_operation_on, k.code`);
    return {
      kind: "parks",
      rows: rows.map((r) => ({
        id: Number(r.id),
        code: String(r.code),
        name: String(r.name),
        isPilot: Number(r.is_pilot) === 1,
        parkStatus: String(r.park_status) as ParkRecord["parkStatus"],
        plannedTrialOn: r.planned_trial_on == null ? null : String(r.planned_trial_on),
        trialOperationOn: String(r.trial_operation_on),
        areaMu: num(r.area_mu),
        carriedOver: String(r.trial_operation_on) < fromDate(s),
        status: statusOf(r.status),
      })),
    };
  },
};
