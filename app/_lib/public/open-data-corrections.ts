import "server-only";
import { unstable_cache } from "next/cache";
import { listPublicProjectCorrections, type PublicProjectCorrectionRow } from "@/db/queries/corrections";
import type { FigureParts, PublicCorrection } from "./corrections-data";
import { meta, OPEN_DATA_VERSION, round, type DatasetMeta } from "./open-data";
import { getPublicContext, type PublicContext, type PublicIndicator } from "./public-data";

/*
 * The corrections dataset (/api/v1/corrections.json and .csv): every approved correction of a
 * published value of a public indicator or a public project, original and revised, in the unit
 * people read and in the stored base unit, with the reason and the date. The same corrections as
 * the public pages' "已更正" marks (both come from the public context). Field names are a
 * published contract: add fields, never rename or remove them.
 */

export const CORRECTION_FIELDS = [
  "subject",
  "basis",
  "indicator_code",
  "project_code",
  "name",
  "name_en",
  "district_code",
  "district_name",
  "district_name_en",
  "month",
  "unit",
  "original_value",
  "revised_value",
  "base_unit",
  "original_base",
  "revised_base",
  "original_numerator",
  "original_denominator",
  "revised_numerator",
  "revised_denominator",
  "reason",
  "corrected_at",
] as const;

export type CorrectionRecord = Record<(typeof CORRECTION_FIELDS)[number], string | number | boolean | null>;

export interface CorrectionDataset {
  meta: DatasetMeta;
  corrections: CorrectionRecord[];
}

/** A district-month value of an indicator in its display unit (ratios: percent, two decimals). */
function shown(ind: PublicIndicator, v: FigureParts): number | null {
  if (ind.aggregation === "ratio") return v.numerator != null && v.denominator ? round((v.numerator / v.denominator) * 100, 2) : null;
  return v.value == null ? null : v.value / ind.unit.scale;
}

type District = PublicContext["districts"][number] | undefined;

const place = (d: District) => ({ district_code: d?.code ?? null, district_name: d?.name ?? null, district_name_en: d?.nameEn ?? null });
const noParts = { original_numerator: null, original_denominator: null, revised_numerator: null, revised_denominator: null };

function indicatorRecord(ind: PublicIndicator, c: PublicCorrection, d: District): CorrectionRecord {
  const isRate = ind.aggregation === "ratio";
  return {
    subject: "indicator",
    basis: c.basis === "projects" ? "project_sum" : "reported_figure",
    indicator_code: ind.code,
    project_code: null,
    name: ind.name,
    name_en: ind.nameEn,
    ...place(d),
    month: c.month,
    unit: isRate ? "%" : ind.unit.symbol,
    original_value: shown(ind, c.original),
    revised_value: shown(ind, c.revised),
    base_unit: isRate ? null : ind.unit.baseSymbol,
    original_base: isRate ? null : c.original.value,
    revised_base: isRate ? null : c.revised.value,
    ...(isRate
      ? { original_numerator: c.original.numerator, original_denominator: c.original.denominator, revised_numerator: c.revised.numerator, revised_denominator: c.revised.denominator }
      : noParts),
    reason: c.reason,
    corrected_at: c.correctedAt,
  };
}

function projectRecord(c: PublicProjectCorrectionRow, d: District): CorrectionRecord {
  return {
    subject: "project",
    basis: "project",
    indicator_code: null,
    project_code: c.projectCode,
    name: c.projectName,
    name_en: null,
    ...place(d),
    month: c.month,
    // Project money is stored in 万元 and read in 亿元.
    unit: "亿元",
    original_value: c.oldValue == null ? null : c.oldValue / 10000,
    revised_value: c.newValue == null ? null : c.newValue / 10000,
    base_unit: "万元",
    original_base: c.oldValue,
    revised_base: c.newValue,
    ...noParts,
    reason: c.reason,
    corrected_at: c.correctedAt,
  };
}

/** Every correction of public indicators and public projects, in the order they were approved. */
export async function buildCorrectionDataset(ctx: PublicContext): Promise<CorrectionDataset> {
  const districtOf = new Map(ctx.districts.map((d) => [d.id, d]));
  const rows: { key: string; row: CorrectionRecord }[] = [];
  for (const ind of ctx.indicators) {
    for (const c of ind.corrections) rows.push({ key: `${c.correctedAt}|${c.month}|${ind.code}`, row: indicatorRecord(ind, c, districtOf.get(c.districtId)) });
  }
  for (const c of await listPublicProjectCorrections(ctx.campaign.id)) {
    rows.push({ key: `${c.correctedAt}|${c.month}|~${c.projectCode}`, row: projectRecord(c, districtOf.get(c.districtId)) });
  }
  rows.sort((a, b) => a.key.localeCompare(b.key));
  return { meta: meta(ctx), corrections: rows.map((r) => r.row) };
}

/** Kept like the other open-data copies: until the public pages are refreshed (an approval does that) or an hour passes. */
export const cachedCorrectionDataset = unstable_cache(async (): Promise<CorrectionDataset | null> => {
  const ctx = await getPublicContext();
  return ctx ? buildCorrectionDataset(ctx) : null;
}, ["open-data", "corrections", String(OPEN_DATA_VERSION)], { revalidate: 3600 });
