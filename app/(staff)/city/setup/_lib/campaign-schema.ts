/** The campaign form, parsed on the server (blank dates default to the whole year). */
import { z } from "zod";
import { isDate } from "@/domain/months";
import type { CampaignFields } from "@/db/mutations/setup/campaigns";
import { nameSchema, optionalText } from "./forms";

const optionalDate = z
  .string()
  .trim()
  .refine((s) => s === "" || isDate(s), "日期格式应为 2024-01-01");

export const campaignSchema = z
  .object({
    slug: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{2,39}$/, "标识为 3–40 个字符：小写字母、数字和连字符，例如 quanzhou-2024"),
    year: z.string().trim().regex(/^(20\d\d|2100)$/, "请填写 2000–2100 之间的年度").transform(Number),
    cityName: nameSchema("城市名称", 30),
    cityNameEn: optionalText("英文城市名称", 60),
    title: nameSchema("专项名称", 60),
    titleEn: optionalText("英文名称", 120),
    subtitle: optionalText("副标题", 60),
    subtitleEn: optionalText("英文副标题", 120),
    announcedOn: optionalDate,
    startsOn: optionalDate,
    endsOn: optionalDate,
    paceWarn: z
      .string()
      .trim()
      .regex(/^\d{1,2}(\.\d)?$/, "请填写 0–50 之间的数，最多一位小数")
      .transform((s) => Math.round(Number(s) * 100))
      .refine((bp) => bp <= 5000, "请填写 0–50 之间的数"),
    reportDeadlineDay: z.string().trim().regex(/^([1-9]|1\d|2[0-8])$/, "请填写 1–28 之间的整数").transform(Number),
    sourceNote: optionalText("来源说明", 500),
  })
  .transform((v, ctx): CampaignFields => {
    const startsOn = v.startsOn || `${v.year}-01-01`;
    const endsOn = v.endsOn || `${v.year}-12-31`;
    if (startsOn.slice(0, 4) !== String(v.year)) ctx.addIssue({ code: "custom", path: ["startsOn"], message: "开始日期应在专项年度内" });
    if (endsOn < startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "结束日期不能早于开始日期" });
    return {
      slug: v.slug,
      year: v.year,
      cityName: v.cityName,
      cityNameEn: v.cityNameEn,
      title: v.title,
      titleEn: v.titleEn,
      subtitle: v.subtitle,
      subtitleEn: v.subtitleEn,
      announcedOn: v.announcedOn || null,
      startsOn,
      endsOn,
      paceWarnBp: v.paceWarn,
      reportDeadlineDay: v.reportDeadlineDay,
      sourceNote: v.sourceNote,
    };
  });

export const CAMPAIGN_FORM_FIELDS = ["slug", "year", "cityName", "cityNameEn", "title", "titleEn", "subtitle", "subtitleEn", "announcedOn", "startsOn", "endsOn", "paceWarn", "reportDeadlineDay", "sourceNote"] as const;
