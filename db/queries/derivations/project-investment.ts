import "server-only";
import { sql } from "drizzle-orm";
import { investmentColumn, monthJoin, monthNumber, pointsOf, rowsOf, statusOf, type MonthStatus, type RuleQuery, type RuleScope } from "./shared";

/**
 * Rule `project_investment`: investment completed by the campaign's projects in each month of the
 * year. Which rows count: project months from January through the month, key projects only when
 * asked. The points read the trigger-kept totals (progress_totals: one row per district, sector,
 * key flag and month, exactly the sums of project_progress — tests/db/progress-totals.test.ts), so
 * their cost does not grow with the register; the records list the project months themselves.
 */

export interface InvestmentRecord {
  projectId: number;
  code: string;
  name: string;
  month: string;
  investment: number;
  status: MonthStatus;
}

export type InvestmentRecords = { kind: "investment"; rows: InvestmentRecord[] };

function months(s: RuleScope) {
  return { first: `${s.year}-01`, last: s.month, keyOnly: s.params.keyOnly === true };
}

export const projectInvestment: RuleQuery<InvestmentRecords> = {
  filtersOwnApproval: false,
  points(db, s, _mode, valueMode) {
    const { first, last, keyOnly } = months(s);
    return pointsOf(db, sql`select t.district_id, ${monthNumber(sql`t.month`)} as m, sum(${investmentColumn(valueMode)}) as value
      from progress_totals t
      where t.campaign_id = ${s.campaignId} and t.month between ${first} and ${last} and t.rows > 0
        ${keyOnly ? sql` and t.is_key = 1` : sql``} group by t.district_id, m`);
  },
  async records(db, s, districtId, mode) {
    const { first, last, keyOnly } = months(s);
    const rows = await rowsOf(db, sql`
      select p.id as project_id, p.code as code, p.name as name, g.month as month,
             ${mode === "official" ? sql`coalesce(g.approved_investment, 0)` : sql`g.investment`} as investment, ar.status as status
      from project_progress g join projects p on p.id = g.project_id
      ${monthJoin(mode, s.campaignId, sql`g.month`, sql`p.district_id`)}
      where p.campaign_id = ${s.campaignId} and p.district_id = ${districtId} and g.month between ${first} and ${last}
        ${keyOnly ? sql` and p.is_key = 1` : sql``}
      order by p.code, g.month`);
    return {
      kind: "investment",
      rows: rows.map((r) => ({ projectId: Number(r.project_id), code: String(r.code), name: String(r.name), month: String(r.month), investment: Number(r.investment), status: statusOf(r.status) })),
    };
  },
};
