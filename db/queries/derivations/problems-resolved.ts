import "server-only";
import { sql } from "drizzle-orm";
import { fromDate, monthJoin, monthNumber, pointsOf, rowsOf, statusOf, str, toDate, type MonthStatus, type RuleQuery, type RuleScope } from "./shared";

/** Rule `problems_resolved`: problems of one type resolved, counted in the month of their resolution. */

export interface ProblemRecord {
  id: number;
  projectCode: string;
  projectName: string;
  description: string;
  responsibleUnit: string;
  escalationLevel: "district" | "city" | "province";
  openedOn: string;
  resolvedOn: string;
  resolutionNote: string | null;
  status: MonthStatus;
}

export type ProblemRecords = { kind: "problems"; rows: ProblemRecord[] };

/** Which problems count: resolved this year through the month, of the rule's type, on the campaign's projects. */
function where(s: RuleScope) {
  return sql`p.campaign_id = ${s.campaignId} and q.status = 'resolved' and q.resolved_on between ${fromDate(s)} and ${toDate(s)}
    and q.type = ${String(s.params.type ?? "")}`;
}

export const problemsResolved: RuleQuery<ProblemRecords> = {
  filtersOwnApproval: false,
  points(db, s) {
    return pointsOf(db, sql`select q.district_id, ${monthNumber(sql`q.resolved_on`)} as m, count(*) as value
      from problems q join projects p on p.id = q.project_id where ${where(s)} group by q.district_id, m`);
  },
  async records(db, s, districtId, mode) {
    const rows = await rowsOf(db, sql`
      select q.id as id, p.code as project_code, p.name as project_name, q.description as description, q.responsible_unit as responsible_unit,
             q.escalation_level as escalation_level, q.opened_on as opened_on, q.resolved_on as resolved_on, q.resolution_note as resolution_note, ar.status as status
      from problems q join projects p on p.id = q.project_id
      ${monthJoin(mode, s.campaignId, sql`substr(q.resolved_on, 1, 7)`, sql`q.district_id`)}
      where ${where(s)} and q.district_id = ${districtId}
      order by q.resolved_on, q.id`);
    return {
      kind: "problems",
      rows: rows.map((r) => ({
        id: Number(r.id),
        projectCode: String(r.project_code),
        projectName: String(r.project_name),
        description: String(r.description),
        responsibleUnit: String(r.responsible_unit),
        escalationLevel: String(r.escalation_level) as ProblemRecord["escalationLevel"],
        openedOn: String(r.opened_on),
        resolvedOn: String(r.resolved_on),
        resolutionNote: str(r.resolution_note),
        status: statusOf(r.status),
      })),
    };
  },
};
