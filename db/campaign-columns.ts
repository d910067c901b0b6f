/**
 * The campaign columns read in more than one place, named once: the summary every page works
 * with (db/queries/campaigns.ts, and the public pages through it) and the editable fields the
 * set-up page shows and its update audits (db/queries/setup/campaigns.ts, db/mutations/setup/campaigns.ts).
 */
import { campaigns } from "./schema";

export const campaignSummaryColumns = {
  id: campaigns.id,
  slug: campaigns.slug,
  year: campaigns.year,
  cityName: campaigns.cityName,
  cityNameEn: campaigns.cityNameEn,
  title: campaigns.title,
  titleEn: campaigns.titleEn,
  subtitle: campaigns.subtitle,
  subtitleEn: campaigns.subtitleEn,
  announcedOn: campaigns.announcedOn,
  sourceNote: campaigns.sourceNote,
  paceWarnBp: campaigns.paceWarnBp,
  status: campaigns.status,
};

export const campaignEditableColumns = {
  ...campaignSummaryColumns,
  startsOn: campaigns.startsOn,
  endsOn: campaigns.endsOn,
  reportDeadlineDay: campaigns.reportDeadlineDay,
  version: campaigns.version,
};

type CampaignRow = typeof campaigns.$inferSelect;

/** A campaign as every page works with it (paceWarnBp: the yellow band for pace, in basis points; 500 = 5 percentage points). */
export type CampaignSummary = Pick<CampaignRow, keyof typeof campaignSummaryColumns>;

/** The set-up page's fields of a campaign, with its version. */
export type CampaignEditable = Pick<CampaignRow, keyof typeof campaignEditableColumns>;

/** What the set-up form writes (everything editable but the id, the status and the version). */
export type CampaignFields = Omit<CampaignEditable, "id" | "status" | "version">;
