/**
 * The public site's UI strings, one typed dictionary per language (zh.ts, en.ts). Server-only
 * in practice: pages pick the dictionary for their language and render plain text, so no
 * i18n code reaches the browser. Data names (districts, actions, indicators) come from the
 * database (name / name_en), not from here.
 */
import type { PaceStatus } from "@/domain/pace";
import type { INDICATOR_FIELDS, PROJECT_FIELDS } from "@/app/_lib/public/open-data";
import type { CORRECTION_FIELDS } from "@/app/_lib/public/open-data-corrections";

export type Stage = "preparing" | "under_construction" | "completed" | "suspended";
export type DistrictKind = "district" | "county_city" | "county" | "development_zone";
export type IndicatorKind = "reported" | "derived" | "milestone";

export interface Dict {
  /** BCP 47 tag for lang attributes and Intl. */
  langTag: string;
  numberLocale: string;
  site: {
    name: string;
    /** The skip link, first thing a keyboard reaches. */
    skipToContent: string;
    tagline: (city: string) => string;
    staffLogin: string;
    navLabel: string;
    switchLabel: string;
    /** Text of the link to the other language, written in that language. */
    otherLanguage: string;
    otherLanguageTag: string;
    footerSource: string;
    footerOpenData: string;
  };
  nav: { home: string; actions: string; projects: string; districts: string; rankings: string; openData: string };
  asOf: {
    line: (month: string, approved: number, total: number) => string;
    none: string;
    lastApproval: (when: string) => string;
  };
  months: {
    label: (month: string) => string;
    short: (monthNumber: number) => string;
    ytd: (month: string) => string;
  };
  pace: {
    status: Record<PaceStatus, string>;
    rateStatus: Record<PaceStatus, string>;
    /** Words for a pace result; `zhReason` is the city's own Chinese sentence (used as-is in Chinese). */
    reason: (p: { share: number | null; expected: number; gapPoints: number | null; status: PaceStatus; zhReason: string }, isRate: boolean) => string;
    done: string;
    plan: string;
    target: string;
    expected: string;
    completion: string;
    growth: (pct: string) => string;
    multiple: (times: string) => string;
  };
  target: {
    pending: string;
    growth: (year: number, pct: string) => string;
    multiple: (year: number, times: string, baseline: string | null) => string;
  };
  kind: Record<IndicatorKind, string>;
  stage: Record<Stage, string>;
  districtKind: Record<DistrictKind, string>;
  common: {
    noCampaign: string;
    noCampaignBody: string;
    noIndicators: string;
    noData: string;
    dash: string;
    /** "至9月": a figure that runs only to an earlier month. */
    through: (monthNumber: number) => string;
    paren: (s: string) => string;
    colon: string;
    city: string;
    district: string;
    indicator: string;
    unit: string;
    month: string;
    more: string;
    subActions: string;
    leadDepartment: (name: string) => string;
    actionsCount: (n: number) => string;
    yes: string;
    no: string;
    headline: string;
    notFoundTitle: string;
    notFoundBody: string;
    backHome: string;
  };
  home: {
    title: string;
    groupTitles: Record<string, string>;
    targetCol: (year: number) => string;
    doneCol: (ytd: string) => string;
    progressCol: string;
    tableCaption: (action: string) => string;
    viewAction: (action: string) => string;
  };
  actions: {
    title: string;
    /** The campaign's own name for its actions (its subtitle, e.g. “1+3+2”专项行动), or "" when it has none. */
    intro: (subtitle: string) => string;
    indicatorsHeading: string;
    trendHeading: string;
    byDistrictHeading: string;
    byDistrictCaption: (action: string, ytd: string) => string;
    chartTitle: (indicator: string, ytd: string) => string;
  };
  indicator: {
    cityFigure: string;
    ytdDone: (ytd: string) => string;
    currentLevel: (ytd: string) => string;
    annualTarget: string;
    trendHeading: string;
    chartTitle: (indicator: string) => string;
    chartTableCaption: (indicator: string) => string;
    cumulative: string;
    rateSeries: string;
    monthValue: string;
    plan: string;
    targetLevel: string;
    byDistrictHeading: string;
    byDistrictCaption: (indicator: string, ytd: string) => string;
    districtTarget: string;
    share: string;
    status: string;
    ratioParts: (num: string, den: string) => string;
    action: string;
    source: string;
    kindLabel: string;
    districtsReporting: (n: number, total: number) => string;
    openData: string;
  };
  districts: {
    title: string;
    intro: (n: number) => string;
    caption: string;
    latestApproved: string;
    notYet: string;
    figuresHeading: string;
    figuresCaption: (district: string, ytd: string) => string;
    rankHeading: string;
    rankLine: (rank: number, total: number) => string;
    rankPending: string;
    rankMethodLink: string;
    projectsHeading: (n: number) => string;
    projectsCaption: (district: string) => string;
    allProjects: string;
    approvedThrough: (month: string) => string;
    kind: string;
    /** Supervision orders (督办单): counts only, shown when the campaign office turns them on. */
    ordersHeading: string;
    ordersIssued: string;
    ordersClosed: string;
    ordersLine: (issued: number, closed: number) => string;
    ordersNote: string;
  };
  projects: {
    title: string;
    intro: string;
    filtersLabel: string;
    search: string;
    searchPlaceholder: string;
    district: string;
    action: string;
    stage: string;
    key: string;
    any: string;
    keyOnly: string;
    nonKeyOnly: string;
    submit: string;
    reset: string;
    caption: (from: number, to: number, total: number) => string;
    none: string;
    pageOutOfRange: (page: number, last: number) => string;
    lastPage: string;
    code: string;
    name: string;
    sector: string;
    total: string;
    annualPlan: string;
    doneYtd: (ytd: string) => string;
    /** Column heading: investment in the approved months of this year. */
    doneApproved: (year: number) => string;
    completion: string;
    isKey: string;
    pager: string;
    prev: string;
    next: string;
    pageOf: (page: number, pages: number) => string;
    moneyUnit: string;
    notPublishedYet: string;
  };
  project: {
    facts: string;
    owner: string;
    investmentHeading: string;
    investmentCaption: (name: string) => string;
    monthly: string;
    cumulative: string;
    approvedOnly: string;
    actualNote: string;
    noInvestment: string;
    milestonesHeading: string;
    milestonesCaption: (name: string) => string;
    milestone: string;
    planned: string;
    actual: string;
    start: string;
    completion: string;
    pending: string;
    backToList: string;
    chartTitle: (name: string) => string;
  };
  rankings: {
    title: string;
    intro: string;
    basis: (month: string, complete: boolean, approved: number, total: number) => string;
    overallHeading: string;
    overallCaption: (month: string) => string;
    groupsHeading: string;
    groupCaption: (group: string) => string;
    groupCount: (n: number) => string;
    byIndicatorHeading: string;
    indicatorCaption: (indicator: string, month: string) => string;
    rank: string;
    groupRank: string;
    score: string;
    change: string;
    completion: string;
    actual: string;
    target: string;
    notRanked: string;
    noDataCountsZero: string;
    changeLabel: (kind: "up" | "down" | "same" | "new" | "none", by: number) => string;
    changeWords: (kind: "up" | "down" | "same" | "new" | "none", by: number) => string;
    /** The reason a district is not ranked, from the ranking module's Chinese text. */
    reason: (zh: string) => string;
    methodHeading: string;
    /** The method in words; Chinese pages print the ranking module's own paragraphs. */
    method: (zhParagraphs: string[], capPct: number) => string[];
    weightsHeading: string;
    weights: (source: "setting" | "default", parts: { name: string; weight: number; share: string }[], zhSummary: string) => string;
    previousNone: string;
    previous: (month: string) => string;
    pending: string;
    yourRank: (rank: number, total: number) => string;
    yourGroupRank: (group: string, rank: number, total: number) => string;
    scoreLine: (score: string) => string;
  };
  /** Corrections of approved months (restatements): the mark on a value and the history pages. */
  corrections: {
    /** The mark beside a value that includes a corrected month: "已更正 2023年11月5日". */
    mark: (day: string) => string;
    /** Read after the mark by screen readers: where the link goes. */
    markLink: string;
    /** A day (ISO timestamp, Beijing time) as the mark and the history show it. */
    day: (iso: string) => string;
    title: string;
    indicatorTitle: (indicator: string) => string;
    intro: string;
    none: string;
    noneForIndicator: string;
    indicatorsHeading: string;
    indicatorCaption: (indicator: string) => string;
    fromProjects: string;
    projectsHeading: string;
    projectsCaption: string;
    project: string;
    monthCol: string;
    original: string;
    revised: string;
    change: string;
    correctedAt: string;
    reason: string;
    /** Who corrected: the campaign office (the public pages name no person). */
    byOffice: string;
    allLink: string;
    indicatorLink: string;
    openData: string;
  };
  openData: {
    title: string;
    intro: string;
    endpointsHeading: string;
    endpoint: string;
    format: string;
    description: string;
    indicatorsJson: string;
    indicatorsCsv: string;
    projectsJson: string;
    projectsCsv: string;
    correctionsJson: string;
    correctionsCsv: string;
    catalogJson: string;
    paramsHeading: string;
    paramsIntro: string;
    param: string;
    fieldsHeading: (dataset: string) => string;
    field: string;
    type: string;
    meaning: string;
    examplesHeading: string;
    exampleIntro: string;
    cachingHeading: string;
    cachingBody: string;
    rulesHeading: string;
    rules: string[];
    codesHeading: string;
    districtCodes: string;
    indicatorCodes: string;
    fields: {
      indicators: Record<(typeof INDICATOR_FIELDS)[number], string>;
      projects: Record<(typeof PROJECT_FIELDS)[number] | "monthly_investment_wan_yuan", string>;
      corrections: Record<(typeof CORRECTION_FIELDS)[number], string>;
      params: Record<"indicator" | "area" | "month" | "district", string>;
    };
  };
}
