import type { FieldSpec } from "../_components/spec-form";

/** The campaign form's fields (create and edit), prefilled from `v`. */
export function campaignFieldSpecs(v: Partial<Record<string, string>>, opts: { yearLocked?: boolean } = {}): FieldSpec[] {
  return [
    { name: "year", label: "年度", defaultValue: v.year, inputMode: "numeric", readOnly: opts.yearLocked, hint: opts.yearLocked ? "专项启用后不能修改年度" : "例如 2024；创建时生成该年 12 个填报月份（均未开放）" },
    { name: "slug", label: "标识", defaultValue: v.slug, readOnly: opts.yearLocked, hint: opts.yearLocked ? "专项启用后不能修改标识" : "网址和数据中使用的代码，例如 quanzhou-2024" },
    { name: "cityName", label: "城市名称", defaultValue: v.cityName },
    { name: "cityNameEn", label: "英文城市名称", defaultValue: v.cityNameEn },
    { name: "title", label: "专项名称", defaultValue: v.title, hint: "例如 抓项目、促发展" },
    { name: "titleEn", label: "英文名称", defaultValue: v.titleEn },
    { name: "subtitle", label: "副标题", defaultValue: v.subtitle, hint: "例如 “1+3+2”专项行动" },
    { name: "subtitleEn", label: "英文副标题", defaultValue: v.subtitleEn },
    { name: "startsOn", label: "开始日期", type: "date", defaultValue: v.startsOn, hint: "空着表示 1 月 1 日" },
    { name: "endsOn", label: "结束日期", type: "date", defaultValue: v.endsOn, hint: "空着表示 12 月 31 日" },
    { name: "announcedOn", label: "部署日期", type: "date", defaultValue: v.announcedOn, hint: "动员会日期，可空" },
    { name: "paceWarn", label: "序时预警幅度（百分点）", defaultValue: v.paceWarn ?? "5", inputMode: "decimal", hint: "落后序时进度不超过该幅度显示黄色，超过显示红色" },
    { name: "reportDeadlineDay", label: "月报截止日（次月几日）", defaultValue: v.reportDeadlineDay ?? "5", inputMode: "numeric", hint: "1–28；用于判断按时或迟报，未锁定月份的截止日随之调整" },
    { name: "sourceNote", label: "来源说明", type: "textarea", defaultValue: v.sourceNote, wide: true, hint: "目标来源，例如动员会部署" },
  ];
}
