import "server-only";
import { sql } from "drizzle-orm";
import { fromDate, monthJoin, monthNumber, pointsOf, rowsOf, statusOf, str, toDate, type MonthStatus, type RuleQuery, type RuleScope } from "./shared";

/** Rules `projects_started` and `projects_completed`: projects counted in the month of their actual start or completion. */

export interface ProjectRecord {
  id: number;
  code: string;
  name: string;
  sectorName: string | null;
  stage: "preparing" | "under_construction" | "completed" | "suspended";
  isKey: boolean;
  totalInvestment: number;
  annualPlannedInvestment: number;
  actualStartOn: string | null;
  actualCompletionOn: string | null;
  /** The date that makes the project count (start or completion). */
  countedOn: string;
  status: MonthStatus;
}

export type ProjectRecords = { kind: "projects"; dateField: "start" | "completion"; rows: ProjectRecord[] };

/** Which projects count: the campaign's, dated this year through the month, key projects only when asked. */
function counted(s: RuleScope) {
  const col = s.rule === "projects_started" ? sql.raw("p.actual_start_on") : sql.raw("p.actual_completion_on");
  const keyOnly = s.params.keyOnly === true ? sql` and p.is_key = 1` : sql``;
  return { col, where: sql`p.campaign_id = ${s.campaignId} and ${col} between ${fromDate(s)} and ${toDate(s)} ${keyOnly}` };
}

export const projectsDated: RuleQuery<ProjectRecords> = {
  filtersOwnApproval: false,
  points(db, s) {
    const { col, where } = counted(s);
    return pointsOf(db, sql`select p.district_id, ${monthNumber(col)} as m, count(*) as value from projects p where ${where} group by p.district_id, m`);
  },
  async records(db, s, districtId, mode) {
    const { col, where } = counted(s);
    const rows = await rowsOf(db, sql`
      select p.id as id, p.code as code, p.name as name, s.name as sector_name, p.stage as stage, p.is_key as is_key,
             p.total_investment as total_investment, p.annual_planned_investment as annual_planned_investment,
             p.actual_start_on as actual_start_on, p.actual_completion_on as actual_completion_on, ${col} as counted_on, ar.status as status
      from projects p left join sectors s on s.id = p.sector_id
      ${monthJoin(mode, s.campaignId, sql`substr(${col}, 1, 7)`, sql`p.district_id`)}
      where ${where} and p.district_id = ${districtId}
      order by ${col}, p.code`);
    return {
      kind: "projects",
      dateField: s.rule === "projects_started" ? "start" : "completion",
      rows: rows.map((r) => ({
        id: Number(r.id),
        code: String(r.code),
        name: String(r.name),
        sectorName: str(r.sector_name),
        stage: String(r.stage) as ProjectRecord["stage"],
        isKey: Number(r.is_key) === 1,
        totalInvestment: Number(r.total_investment),
        annualPlannedInvestment: Number(r.annual_planned_investment),
        actualStartOn: str(r.actual_start_on),
        actualCompletionOn: str(r.actual_completion_on),
        countedOn: String(r.counted_on),
        status: statusOf(r.status),
      })),
    };
  },
};
