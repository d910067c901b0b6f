import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { campaignEditableColumns, type CampaignEditable } from "../../campaign-columns";
import { getDatabase } from "../../index";
import { actions, auditEvents, campaigns, departments, periods, projects } from "../../schema";

/**
 * Reads for the campaign set-up pages (专项设置): campaigns, their actions and months, the last
 * change of a record. Indicators and targets: ./indicators.ts; reference lists: ./reference.ts.
 * Every caller must have checked `campaign.manage`. Correlated counts name the outer table
 * literally (campaigns.id, …): drizzle renders a column inside sql`` unqualified, which inside
 * the subquery would bind to the inner table's id.
 */

export interface SetupCampaignRow {
  id: number;
  slug: string;
  year: number;
  cityName: string;
  title: string;
  subtitle: string;
  status: "draft" | "active" | "archived";
  /** Top-level actions (sub-actions not counted). */
  actions: number;
  indicators: number;
  projects: number;
  openMonths: number;
}

/** campaign.manage: every campaign, newest year first, with counts. */
export async function listCampaignsForSetup(): Promise<SetupCampaignRow[]> {
  const { db } = await getDatabase();
  return db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      year: campaigns.year,
      cityName: campaigns.cityName,
      title: campaigns.title,
      subtitle: campaigns.subtitle,
      status: campaigns.status,
      actions: sql<number>`(select count(*) from actions a where a.campaign_id = campaigns.id and a.parent_id is null)`,
      indicators: sql<number>`(select count(*) from indicators i where i.campaign_id = campaigns.id)`,
      projects: sql<number>`(select count(*) from projects p where p.campaign_id = campaigns.id)`,
      openMonths: sql<number>`(select count(*) from periods p where p.campaign_id = campaigns.id and p.is_open = 1)`,
    })
    .from(campaigns)
    .orderBy(desc(campaigns.year), desc(campaigns.id));
}

/** A campaign's editable fields as the set-up page loads them, and when it last changed. */
export type SetupCampaign = CampaignEditable & { updatedAt: string };

/** campaign.manage: one campaign's editable fields. */
export async function getCampaignForSetup(id: number): Promise<SetupCampaign | null> {
  const { db } = await getDatabase();
  const rows = await db
    .select({ ...campaignEditableColumns, updatedAt: campaigns.updatedAt })
    .from(campaigns)
    .where(eq(campaigns.id, id));
  return rows[0] ?? null;
}

/** campaign.manage: who made the last successful change to a record, and when (for conflict messages). */
export async function getLastChange(entity: string, entityId: number): Promise<{ actorName: string; at: string } | null> {
  const { db } = await getDatabase();
  const rows = await db
    .select({ actorName: auditEvents.actorName, at: auditEvents.at })
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, String(entityId)), eq(auditEvents.outcome, "ok")))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return rows[0] ?? null;
}

export interface SetupAction {
  id: number;
  parentId: number | null;
  code: string;
  groupLabel: string;
  name: string;
  nameEn: string;
  summary: string;
  sortOrder: number;
  leadDepartmentId: number | null;
  leadDepartmentName: string | null;
  version: number;
  updatedAt: string;
  indicators: number;
}

/** campaign.manage: the campaign's actions in order (top level, each followed by its sub-actions). */
export async function listActionsForSetup(campaignId: number): Promise<SetupAction[]> {
  const { db } = await getDatabase();
  const rows = await db
    .select({
      id: actions.id,
      parentId: actions.parentId,
      code: actions.code,
      groupLabel: actions.groupLabel,
      name: actions.name,
      nameEn: actions.nameEn,
      summary: actions.summary,
      sortOrder: actions.sortOrder,
      leadDepartmentId: actions.leadDepartmentId,
      leadDepartmentName: departments.name,
      version: actions.version,
      updatedAt: actions.updatedAt,
      indicators: sql<number>`(select count(*) from indicators i where i.action_id = actions.id)`,
    })
    .from(actions)
    .leftJoin(departments, eq(departments.id, actions.leadDepartmentId))
    .where(eq(actions.campaignId, campaignId))
    .orderBy(asc(actions.sortOrder), asc(actions.id));
  const top = rows.filter((r) => r.parentId === null);
  return top.flatMap((t) => [t, ...rows.filter((r) => r.parentId === t.id)]);
}

export interface SetupPeriod {
  id: number;
  month: string;
  isOpen: boolean;
  locked: boolean;
  dueOn: string;
  version: number;
  reports: number;
}

/** campaign.manage: the campaign's months with how many district reports each has. */
export async function listPeriodsForSetup(campaignId: number): Promise<SetupPeriod[]> {
  const { db } = await getDatabase();
  return db
    .select({
      id: periods.id,
      month: periods.month,
      isOpen: periods.isOpen,
      locked: periods.locked,
      dueOn: periods.dueOn,
      version: periods.version,
      reports: sql<number>`(select count(*) from monthly_reports r where r.period_id = periods.id)`,
    })
    .from(periods)
    .where(eq(periods.campaignId, campaignId))
    .orderBy(asc(periods.month));
}

/** campaign.manage: how many projects the campaign's register holds (key projects and others). */
export async function countProjectsForSetup(campaignId: number): Promise<{ total: number; key: number }> {
  const { db } = await getDatabase();
  const [r] = await db
    .select({ total: sql<number>`count(*)`, key: sql<number>`coalesce(sum(case when ${projects.isKey} then 1 else 0 end), 0)` })
    .from(projects)
    .where(eq(projects.campaignId, campaignId));
  return { total: Number(r?.total ?? 0), key: Number(r?.key ?? 0) };
}
