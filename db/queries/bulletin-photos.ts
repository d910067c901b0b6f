import "server-only";
import { sql } from "drizzle-orm";
import { getDatabase } from "../index";
import type { RollupMode } from "./derivations";

export interface LaggingProjectPhoto {
  projectId: number;
  projectCode: string;
  projectName: string;
  districtName: string;
  /** Investment completed this year through the month, and the annual plan (base unit, 万元). */
  done: number;
  planned: number;
  photoId: number;
  photoMonth: string;
  caption: string;
}

/**
 * Key projects behind the linear time progress at `month` (investment completed this year through
 * `month` below m/12 of the annual plan), each with its latest photo up to `month` — for the
 * bulletin's 形象进度 pictures, largest shortfall first, at most `limit`. In "official" mode both
 * the investment and the photo come from approved months only, as the bulletin's figures do.
 * `withoutPhoto` counts the lagging projects that have no such photo. Caller: city.read.
 */
export async function listLaggingProjectPhotos(campaignId: number, month: string, mode: RollupMode, limit: number): Promise<{ rows: LaggingProjectPhoto[]; withoutPhoto: number }> {
  const { db } = await getDatabase();
  const year = month.slice(0, 4);
  const m = Number(month.slice(5, 7));
  const amount = mode === "official" ? sql`coalesce(pp.approved_investment, 0)` : sql`pp.investment`;
  const officialMonth = (alias: string) =>
    mode === "official"
      ? sql.raw(`and exists (select 1 from monthly_reports r join periods pe on pe.id = r.period_id where r.district_id = p.district_id and pe.campaign_id = p.campaign_id and pe.month = ${alias}.month and r.official = 1)`)
      : sql``;
  const rows = (await db.all(sql`
    with lagging as (
      select p.id, p.code, p.name, p.district_id, p.campaign_id, p.annual_planned_investment as planned,
        coalesce((select sum(${amount}) from project_progress pp where pp.project_id = p.id and pp.month between ${`${year}-01`} and ${month} ${officialMonth("pp")}), 0) as done
      from projects p
      where p.campaign_id = ${campaignId} and p.is_key = 1 and p.annual_planned_investment > 0
    ),
    behind as (
      select l.*, (select a.id from attachments a where a.subject = 'project_month' and a.subject_id = l.id and a.kind = 'photo' and a.month <= ${month}
        ${mode === "official" ? sql`and exists (select 1 from monthly_reports r join periods pe on pe.id = r.period_id where r.district_id = l.district_id and pe.campaign_id = l.campaign_id and pe.month = a.month and r.official = 1)` : sql``}
        order by a.month desc, a.id desc limit 1) as photo_id
      from lagging l
      where l.done * 12 < l.planned * ${m}
    )
    select b.id as project_id, b.code as project_code, b.name as project_name, d.name as district_name, b.done as done, b.planned as planned,
      b.photo_id as photo_id, a.month as photo_month, a.caption as caption
    from behind b
    join districts d on d.id = b.district_id
    left join attachments a on a.id = b.photo_id
    order by (b.planned * ${m} - b.done * 12) * 1.0 / b.planned desc, b.code`)) as Record<string, unknown>[];
  const withPhoto = rows.filter((r) => r.photo_id != null);
  return {
    rows: withPhoto.slice(0, limit).map((r) => ({
      projectId: Number(r.project_id),
      projectCode: String(r.project_code),
      projectName: String(r.project_name),
      districtName: String(r.district_name),
      done: Number(r.done),
      planned: Number(r.planned),
      photoId: Number(r.photo_id),
      photoMonth: String(r.photo_month),
      caption: String(r.caption ?? ""),
    })),
    withoutPhoto: rows.length - withPhoto.length,
  };
}
