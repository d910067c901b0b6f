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
