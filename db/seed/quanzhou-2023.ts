/**
 * The Quanzhou 2023 "抓项目、促发展" campaign as announced at the city meeting of
 * 2023-02-16: districts, departments, actions, indicators and the city targets.
 * These are the published figures; nothing here is invented. Baselines that the report
 * only implies (target ÷ (1 + growth)) are marked as inferred in their source note;
 * a baseline it does not give at all is left empty.
 * Amounts are written in display units here and converted to base units by the seed.
 */
import type { DistrictKind } from "../schema";

export const UNITS = [
  { code: "yi_yuan", symbol: "亿元", symbolEn: "CNY 100 million", baseSymbol: "万元", scale: 10000 },
  { code: "wan_yuan", symbol: "万元", symbolEn: "CNY 10,000", baseSymbol: "万元", scale: 1 },
  { code: "ge", symbol: "个", symbolEn: "", baseSymbol: "个", scale: 1 },
  { code: "jia", symbol: "家", symbolEn: "firms", baseSymbol: "家", scale: 1 },
  { code: "wan_sqm", symbol: "万平方米", symbolEn: "10k m²", baseSymbol: "平方米", scale: 10000 },
  { code: "mu", symbol: "亩", symbolEn: "mu", baseSymbol: "0.01亩", scale: 100 },
  { code: "percent", symbol: "%", symbolEn: "%", baseSymbol: "0.01%", scale: 100 },
] as const;

export const DISTRICTS: { code: string; name: string; nameEn: string; kind: DistrictKind; divisionCode: string | null }[] = [
  { code: "licheng", name: "鲤城区", nameEn: "Licheng District", kind: "district", divisionCode: "350502" },
  { code: "fengze", name: "丰泽区", nameEn: "Fengze District", kind: "district", divisionCode: "350503" },
  { code: "luojiang", name: "洛江区", nameEn: "Luojiang District", kind: "district", divisionCode: "350504" },
  { code: "quangang", name: "泉港区", nameEn: "Quangang District", kind: "district", divisionCode: "350505" },
  { code: "shishi", name: "石狮市", nameEn: "Shishi City", kind: "county_city", divisionCode: "350581" },
  { code: "jinjiang", name: "晋江市", nameEn: "Jinjiang City", kind: "county_city", divisionCode: "350582" },
  { code: "nanan", name: "南安市", nameEn: "Nan'an City", kind: "county_city", divisionCode: "350583" },
  { code: "huian", name: "惠安县", nameEn: "Hui'an County", kind: "county", divisionCode: "350521" },
  { code: "anxi", name: "安溪县", nameEn: "Anxi County", kind: "county", divisionCode: "350524" },
  { code: "yongchun", name: "永春县", nameEn: "Yongchun County", kind: "county", divisionCode: "350525" },
  { code: "dehua", name: "德化县", nameEn: "Dehua County", kind: "county", divisionCode: "350526" },
  { code: "kaifaqu", name: "泉州经济技术开发区", nameEn: "Quanzhou Economic and Technological Development Zone", kind: "development_zone", divisionCode: null },
  { code: "taishang", name: "泉州台商投资区", nameEn: "Quanzhou Taiwanese Investment Zone", kind: "development_zone", divisionCode: null },
];

export const DEPARTMENTS = [
  { code: "fgw", name: "市发展和改革委员会", nameEn: "Development and Reform Commission" },
  { code: "zrghj", name: "市自然资源和规划局", nameEn: "Natural Resources and Planning Bureau" },
  { code: "zjj", name: "市住房和城乡建设局", nameEn: "Housing and Urban-Rural Development Bureau" },
  { code: "swj", name: "市商务局", nameEn: "Commerce Bureau" },
  { code: "gxj", name: "市工业和信息化局", nameEn: "Industry and Information Technology Bureau" },
  { code: "wlj", name: "市文化广电和旅游局", nameEn: "Culture, Radio, Television and Tourism Bureau" },
  { code: "qw", name: "市委统战部（侨务）", nameEn: "United Front Work Department (Overseas Chinese Affairs)" },
  { code: "grid", name: "国网泉州供电公司", nameEn: "State Grid Quanzhou Power Supply Company" },
];

export const SECTORS = [
  { code: "industry", name: "产业", nameEn: "Industry" },
  { code: "infrastructure", name: "基础设施", nameEn: "Infrastructure" },
  { code: "social", name: "社会民生", nameEn: "Social welfare" },
  { code: "transport", name: "交通", nameEn: "Transport" },
  { code: "energy", name: "能源", nameEn: "Energy" },
  { code: "agri_water", name: "农林水利", nameEn: "Agriculture, forestry and water" },
];

export const CAMPAIGN = {
  slug: "quanzhou-2023",
  year: 2023,
  cityName: "泉州市",
  cityNameEn: "Quanzhou",
  title: "抓项目、促发展",
  titleEn: "Projects First, Development Forward",
  subtitle: "“1+3+2”专项行动",
  subtitleEn: "“1+3+2” special actions",
  announcedOn: "2023-02-16",
  startsOn: "2023-01-01",
  endsOn: "2023-12-31",
  sourceNote: "目标来源：2023年2月16日泉州市“抓项目、促发展”动员会部署的“1+3+2”专项行动。",
};

export interface ActionDef {
  code: string;
  group: string;
  name: string;
  nameEn: string;
  summary: string;
  summaryEn: string;
  lead: string;
  children?: { code: string; name: string; nameEn: string }[];
}

export const ACTIONS: ActionDef[] = [
  {
    code: "battle_year", group: "1", name: "项目奋战年", nameEn: "Project Battle Year", lead: "fgw",
    summary: "市重点项目新开工、新建成，完成年度投资；破解用地报批、征迁和电网征迁难题；策划生成新项目；签约落地大项目。",
    summaryEn: "Start and complete city key projects and deliver the year's investment; solve land-approval and relocation cases; plan new projects; sign and land big projects.",
  },
  {
    code: "urban_quality", group: "3", name: "抓城建提品质", nameEn: "Urban Construction and Quality", lead: "zjj",
    summary: "试行低效用地盘活政策，七个子行动项目分批策划、分批实施，年度完成投资800亿元以上。",
    summaryEn: "Pilot revitalisation of inefficient land; seven sub-actions run in batches; at least 800 亿元 invested in the year.",
    children: [
      { code: "livable", name: "宜居宜业", nameEn: "Livable and business-friendly" },
      { code: "eco_culture", name: "生态人文", nameEn: "Ecology and heritage" },
      { code: "connectivity", name: "聚城畅通", nameEn: "Connected city" },
      { code: "resilience", name: "安全韧性", nameEn: "Safety and resilience" },
      { code: "smart_mgmt", name: "智慧管理", nameEn: "Smart management" },
      { code: "village_town", name: "村镇建设", nameEn: "Villages and towns" },
      { code: "showcase", name: "样板特色", nameEn: "Showcase projects" },
    ],
  },
  {
    code: "investment_attraction", group: "3", name: "抓开放招商促项目落地", nameEn: "Opening Up, Investment Attraction and Landing Projects", lead: "swj",
    summary: "全年新签招商项目投资总额1万亿元，其中侨港澳台和在外泉商2000亿元以上、文旅经济2000亿元以上。",
    summaryEn: "1 trillion yuan of new investment deals, of which ≥200 bn from overseas Chinese, HK, Macao and Taiwan and ≥200 bn in culture and tourism.",
  },
  {
    code: "park_standardization", group: "3", name: "加快工业（产业）园区标准化建设", nameEn: "Industrial Park Standardisation", lead: "gxj",
    summary: "首批14个市级试点园区全部试运营，新增标准厂房及配套1000万平方米，开工建设标准化园区万亩以上，规上工业企业入园率提升至50%、在园规上工业企业增加值占比提升至60%。",
    summaryEn: "All 14 pilot parks in trial operation; 10 million m² of standard factory space; ≥10,000 mu of standard parks started; 50% of above-scale firms in parks; 60% of their value added.",
  },
  {
    code: "culture_tourism_plus", group: "2", name: "文旅+", nameEn: "Culture and Tourism Plus", lead: "wlj",
    summary: "以文旅融合带动消费和产业发展。动员会未公布量化指标，由专项办后续设定。", summaryEn: "Culture and tourism as a driver of consumption and industry. The meeting set no figures; the campaign office adds them later.",
  },
  {
    code: "overseas_chinese", group: "2", name: "聚侨引侨和泉商回归", nameEn: "Overseas Chinese and Returning Quanzhou Entrepreneurs", lead: "qw",
    summary: "凝聚侨力、引侨回归，推动在外泉商回乡投资。动员会未公布量化指标，由专项办后续设定。", summaryEn: "Draw on overseas Chinese and bring Quanzhou entrepreneurs back to invest. The meeting set no figures; the campaign office adds them later.",
  },
];

export interface IndicatorDef {
  code: string;
  action: string;
  name: string;
  nameEn: string;
  unit: string;
  kind: "reported" | "derived" | "milestone";
  aggregation: "sum" | "ratio" | "count";
  accumulation?: "flow" | "stock";
  numeratorLabel?: string;
  denominatorLabel?: string;
  partUnit?: string;
  derivation?: { rule: string; params: Record<string, unknown> };
  owner: string;
  decimals: number;
  headline?: boolean;
  /** City target in display units. */
  target: number;
  growthPct?: number;
  multiple?: number;
  /** Baseline (last year) in display units, only where the report gives or implies it. */
  baseline?: number;
  sourceNote: string;
}

const MEETING = "2023年2月16日动员会";

export const INDICATORS: IndicatorDef[] = [
  { code: "key_projects_started", action: "battle_year", name: "市重点项目新开工", nameEn: "City key projects newly started", unit: "ge", kind: "derived", aggregation: "count", derivation: { rule: "projects_started", params: { keyOnly: true } }, owner: "fgw", decimals: 0, headline: true, target: 200, sourceNote: `${MEETING}：新开工200个以上` },
  { code: "key_projects_completed", action: "battle_year", name: "市重点项目新建成", nameEn: "City key projects completed", unit: "ge", kind: "derived", aggregation: "count", derivation: { rule: "projects_completed", params: { keyOnly: true } }, owner: "fgw", decimals: 0, headline: true, target: 150, sourceNote: `${MEETING}：新建成150个以上` },
  { code: "key_investment", action: "battle_year", name: "市重点项目完成投资", nameEn: "Investment completed by city key projects", unit: "yi_yuan", kind: "derived", aggregation: "sum", derivation: { rule: "project_investment", params: { keyOnly: true } }, owner: "fgw", decimals: 1, headline: true, target: 2168, growthPct: 17.5, baseline: 1845.1064, sourceNote: `${MEETING}：完成投资2168亿元、增长17.5%以上；2022年基数按 2168 ÷ 1.175 推算` },
  { code: "land_approval_solved", action: "battle_year", name: "解决重点项目用地报批问题", nameEn: "Land-approval cases solved", unit: "ge", kind: "derived", aggregation: "count", derivation: { rule: "problems_resolved", params: { type: "land_approval" } }, owner: "zrghj", decimals: 0, target: 100, sourceNote: `${MEETING}：100个以上` },
  { code: "relocation_solved", action: "battle_year", name: "解决重点项目征迁问题", nameEn: "Relocation cases solved", unit: "ge", kind: "derived", aggregation: "count", derivation: { rule: "problems_resolved", params: { type: "relocation" } }, owner: "fgw", decimals: 0, target: 100, sourceNote: `${MEETING}：100个以上` },
  { code: "grid_relocation_solved", action: "battle_year", name: "解决电网工程征迁难题", nameEn: "Power-grid relocation problems solved", unit: "ge", kind: "derived", aggregation: "count", derivation: { rule: "problems_resolved", params: { type: "grid_relocation" } }, owner: "grid", decimals: 0, target: 50, sourceNote: `${MEETING}：50个以上` },
  { code: "planned_projects", action: "battle_year", name: "新策划生成生产性项目", nameEn: "Newly planned production projects", unit: "ge", kind: "reported", aggregation: "sum", owner: "fgw", decimals: 0, headline: true, target: 1500, growthPct: 50, baseline: 1000, sourceNote: `${MEETING}：1500个、增长50%以上；2022年基数按 1500 ÷ 1.5 推算` },
  { code: "planned_investment", action: "battle_year", name: "新策划项目计划总投资", nameEn: "Planned investment of newly planned projects", unit: "yi_yuan", kind: "reported", aggregation: "sum", owner: "fgw", decimals: 1, target: 8500, multiple: 3, sourceNote: `${MEETING}：8500亿元，为2022年全市固定资产投资的3倍以上；2022年基数待专项办录入` },
  { code: "big_signings_landed", action: "battle_year", name: "签约落地20亿元以上项目", nameEn: "Signed and landed projects of ≥2 bn yuan", unit: "ge", kind: "derived", aggregation: "count", derivation: { rule: "signings_count", params: { minAmount: 200000, landedOnly: true } }, owner: "swj", decimals: 0, headline: true, target: 100, sourceNote: `${MEETING}：100个以上` },
  { code: "signed_investment", action: "investment_attraction", name: "新签招商项目投资总额", nameEn: "Total value of new investment deals", unit: "yi_yuan", kind: "derived", aggregation: "sum", derivation: { rule: "signings_sum", params: {} }, owner: "swj", decimals: 1, headline: true, target: 10000, sourceNote: `${MEETING}：全年1万亿元（亦为项目奋战年目标四）` },
  { code: "signed_overseas", action: "investment_attraction", name: "侨港澳台和在外泉商签约投资", nameEn: "Deals from overseas Chinese, HK, Macao, Taiwan", unit: "yi_yuan", kind: "derived", aggregation: "sum", derivation: { rule: "signings_sum", params: { overseas: true } }, owner: "swj", decimals: 1, headline: true, target: 2000, sourceNote: `${MEETING}：2000亿元以上` },
  { code: "signed_culture_tourism", action: "investment_attraction", name: "文旅经济签约投资", nameEn: "Culture and tourism deals", unit: "yi_yuan", kind: "derived", aggregation: "sum", derivation: { rule: "signings_sum", params: { cultureTourism: true } }, owner: "wlj", decimals: 1, target: 2000, sourceNote: `${MEETING}：2000亿元以上` },
  { code: "urban_investment", action: "urban_quality", name: "城建项目完成投资", nameEn: "Investment in urban construction", unit: "yi_yuan", kind: "reported", aggregation: "sum", owner: "zjj", decimals: 1, headline: true, target: 800, growthPct: 19.6, baseline: 668.8963, sourceNote: `${MEETING}：800亿元以上、增长19.6%以上；2022年基数按 800 ÷ 1.196 推算` },
  { code: "pilot_parks_trial_operation", action: "park_standardization", name: "首批市级试点园区试运营", nameEn: "Pilot parks in trial operation", unit: "ge", kind: "milestone", aggregation: "count", derivation: { rule: "parks_in_status", params: { statuses: ["trial_operation", "operating"], pilotOnly: true } }, owner: "gxj", decimals: 0, headline: true, target: 14, sourceNote: `${MEETING}：首批14个试点园区全部试运营` },
  { code: "standard_factory_area", action: "park_standardization", name: "新增标准厂房及配套面积", nameEn: "New standard factory and supporting floor space", unit: "wan_sqm", kind: "reported", aggregation: "sum", owner: "gxj", decimals: 1, headline: true, target: 1000, sourceNote: `${MEETING}：1000万平方米` },
  { code: "standard_park_area_started", action: "park_standardization", name: "标准化园区开工建设面积", nameEn: "Standard park area started", unit: "mu", kind: "reported", aggregation: "sum", owner: "gxj", decimals: 0, target: 10000, sourceNote: `${MEETING}：万亩以上` },
  { code: "enterprise_entry_rate", action: "park_standardization", name: "规上工业企业入园率", nameEn: "Share of above-scale industrial firms in parks", unit: "percent", kind: "reported", aggregation: "ratio", accumulation: "stock", numeratorLabel: "在园规上工业企业数", denominatorLabel: "规上工业企业数", partUnit: "jia", owner: "gxj", decimals: 1, target: 50, sourceNote: `${MEETING}：提升至50%` },
  { code: "park_value_added_share", action: "park_standardization", name: "在园规上工业企业增加值占比", nameEn: "Parks' share of above-scale industrial value added", unit: "percent", kind: "reported", aggregation: "ratio", accumulation: "stock", numeratorLabel: "在园规上工业企业增加值", denominatorLabel: "规上工业增加值", partUnit: "yi_yuan", owner: "gxj", decimals: 1, target: 60, sourceNote: `${MEETING}：提升至60%` },
];
