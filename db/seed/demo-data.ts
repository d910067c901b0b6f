/**
 * Demo data for the Quanzhou 2023 campaign: invented, deterministic, and always labelled as
 * demo (app_meta.demo_data = "1" puts the 演示数据 banner on every page; demo targets carry
 * is_demo). Nothing here is an official figure. Pure: builds plain rows, the seed inserts them.
 */
import { DISTRICTS, SECTORS } from "./quanzhou-2023";

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Relative size of each district, used to split city targets and to size demo records. */
export const DISTRICT_WEIGHTS: Record<string, number> = {
  licheng: 5, fengze: 7, luojiang: 5, quangang: 6, shishi: 9, jinjiang: 18, nanan: 12,
  huian: 8, anxi: 8, yongchun: 5, dehua: 5, kaifaqu: 5, taishang: 7,
};

/** How well each district delivers in the demo (1 = exactly on plan); some lag on purpose. */
export const DISTRICT_PACE: Record<string, number> = {
  licheng: 0.93, fengze: 1.06, luojiang: 0.82, quangang: 0.97, shishi: 1.02, jinjiang: 1.04, nanan: 0.95,
  huian: 0.88, anxi: 1.01, yongchun: 0.9, dehua: 1.08, kaifaqu: 0.99, taishang: 0.86,
};

const SHORT: Record<string, string> = {
  licheng: "鲤城", fengze: "丰泽", luojiang: "洛江", quangang: "泉港", shishi: "石狮", jinjiang: "晋江", nanan: "南安",
  huian: "惠安", anxi: "安溪", yongchun: "永春", dehua: "德化", kaifaqu: "泉州开发区", taishang: "台商区",
};

const NAME_PARTS: Record<string, string[]> = {
  industry: ["智能装备产业园", "新材料生产基地", "纺织鞋服智能制造", "石化产业链延伸", "半导体封装测试", "食品加工产业园", "新能源电池材料", "陶瓷产业升级", "茶产业加工园", "光电产业基地", "工艺品智能工厂", "生物医药产业园"],
  infrastructure: ["污水处理厂提标改造", "城市更新片区", "地下综合管廊", "供水管网改造", "智慧停车场", "老旧小区改造"],
  social: ["医院新院区", "中学新校区", "养老服务中心", "保障性租赁住房", "全民健身中心", "文化艺术中心"],
  transport: ["快速路", "国道改线工程", "疏港公路", "城市主干道", "互通立交", "公交首末站"],
  energy: ["海上风电", "分布式光伏发电", "抽水蓄能电站配套", "220千伏变电站", "充换电站网络"],
  agri_water: ["水库除险加固", "高标准农田建设", "河道综合治理", "水系连通工程", "现代农业产业园"],
};

const URBAN_SUB_ACTIONS = ["livable", "eco_culture", "connectivity", "resilience", "smart_mgmt", "village_town", "showcase"];

export const DEMO_MONTHS = ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06", "2023-07", "2023-08", "2023-09", "2023-10"];
export const LAST_DEMO_MONTH = "2023-10";
const LAST_DAY = "2023-10-31";

/** October's report state per district: every state appears, one district has not started. */
export const OCTOBER_STATUS: Record<string, "approved" | "submitted" | "returned" | "draft" | null> = {
  fengze: "approved", shishi: "approved", nanan: "approved", anxi: "approved", dehua: "approved",
  licheng: "submitted", huian: "submitted", kaifaqu: "submitted",
  quangang: "returned", yongchun: "returned",
  jinjiang: "draft", luojiang: "draft",
  taishang: null,
};

/** Largest-remainder split of an integer total by weights: the parts always add up exactly. */
export function splitByWeights(total: number, keys: string[], weights: Record<string, number>): Record<string, number> {
  const sumW = keys.reduce((s, k) => s + (weights[k] ?? 0), 0);
  const raw = keys.map((k) => (total * (weights[k] ?? 0)) / sumW);
  const floors = raw.map(Math.floor);
  let rest = total - floors.reduce((s, x) => s + x, 0);
  const order = raw.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    floors[i]! += 1;
    rest -= 1;
  }
  return Object.fromEntries(keys.map((k, i) => [k, floors[i]!]));
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
function dateIn(month: number, day: number): string {
  return `2023-${pad(month)}-${pad(Math.min(day, 28))}`;
}
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
function round(n: number, step: number): number {
  return Math.max(step, Math.round(n / step) * step);
}

export interface DemoProject {
  code: string; name: string; district: string; action: string; sector: string; owner: string;
  totalInvestment: number; annualPlannedInvestment: number;
  plannedStartOn: string; plannedCompletionOn: string | null;
  actualStartOn: string | null; actualCompletionOn: string | null;
  stage: "preparing" | "under_construction" | "completed"; isKey: boolean; isPublic: boolean;
  progress: { month: string; investment: number }[];
}

const KEY_PROJECT_COUNT = 300;
const OTHER_PROJECT_COUNT = 20;
/** 2168 亿元 in 万元: the demo key projects' annual plans add up to the city target. */
const KEY_ANNUAL_PLAN_TOTAL = 21_680_000;

function pickWeighted(rand: () => number, weights: Record<string, number>): string {
  const keys = Object.keys(weights);
  const total = keys.reduce((s, k) => s + weights[k]!, 0);
  let x = rand() * total;
  for (const k of keys) {
    x -= weights[k]!;
    if (x < 0) return k;
  }
  return keys[keys.length - 1]!;
}

/** Which districts have a report for a month, and so which months' records a district has entered. */
export function hasReport(district: string, month: string): boolean {
  return month !== LAST_DEMO_MONTH || OCTOBER_STATUS[district] != null;
}

export function buildProjects(): DemoProject[] {
  const rand = mulberry32(20230216);
  const sectorWeights = { industry: 45, infrastructure: 15, social: 12, transport: 14, energy: 8, agri_water: 6 };
  const usedNames = new Set<string>();
  const out: DemoProject[] = [];
  for (let i = 0; i < KEY_PROJECT_COUNT + OTHER_PROJECT_COUNT; i++) {
    const isKey = i < KEY_PROJECT_COUNT;
    const district = pickWeighted(rand, DISTRICT_WEIGHTS);
    const sector = pickWeighted(rand, sectorWeights);
    const parts = NAME_PARTS[sector]!;
    let name = `${SHORT[district]}${parts[Math.floor(rand() * parts.length)]}项目`;
    for (let phase = 2; usedNames.has(name); phase++) name = name.replace(/(（.期）)?项目$/, `（${"一二三四五六七八九"[phase - 1] ?? phase}期）项目`);
    usedNames.add(name);
    const urban = sector !== "industry" && sector !== "energy" && rand() < 0.45;
    const action = urban ? URBAN_SUB_ACTIONS[Math.floor(rand() * URBAN_SUB_ACTIONS.length)]! : "battle_year";
    const total = round(20_000 + Math.pow(rand(), 2.2) * 1_480_000, 100);
    const continuing = rand() < 0.36;
    const startMonth = continuing ? 0 : 1 + Math.floor(rand() * 10);
    const plannedStartOn = continuing ? `${2021 + Math.floor(rand() * 2)}-${pad(1 + Math.floor(rand() * 12))}-15` : dateIn(startMonth, 1 + Math.floor(rand() * 28));
    const pace = DISTRICT_PACE[district]!;
    let actualStartOn: string | null = continuing ? plannedStartOn : null;
    if (!continuing && rand() < 0.92 * pace) {
      const slip = Math.floor(rand() * 40) - 5;
      const d = addDays(plannedStartOn, slip);
      actualStartOn = d <= LAST_DAY ? d : null;
    }
    const completesThisYear = rand() < (continuing ? 0.97 : 0.45);
    const plannedCompletionOn = completesThisYear ? dateIn(2 + Math.floor(rand() * 10), 1 + Math.floor(rand() * 28)) : `${2024 + Math.floor(rand() * 3)}-12-31`;
    let actualCompletionOn: string | null = null;
    if (completesThisYear && actualStartOn && plannedCompletionOn <= "2023-12-31" && rand() < 0.95 * pace) {
      const d = addDays(plannedCompletionOn, Math.floor(rand() * 50) - 20);
      if (d <= LAST_DAY && d > actualStartOn) actualCompletionOn = d;
    }
    out.push({
      code: `DEMO-2023-${String(i + 1).padStart(4, "0")}`,
      name, district, action, sector, owner: `${SHORT[district]}${["城投集团", "产业投资公司", "交通发展集团", "某实业有限公司", "住建局"][Math.floor(rand() * 5)]}`,
      totalInvestment: total,
      annualPlannedInvestment: round(total * (0.15 + rand() * 0.3), 100),
      plannedStartOn, plannedCompletionOn, actualStartOn, actualCompletionOn,
      stage: actualCompletionOn ? "completed" : actualStartOn ? "under_construction" : "preparing",
      isKey, isPublic: rand() > 0.05, progress: [],
    });
  }
  // Scale the key projects' annual plans so they add up to the city's 2168 亿元 exactly.
  const keys = out.filter((p) => p.isKey);
  const sum = keys.reduce((s, p) => s + p.annualPlannedInvestment, 0);
  let assigned = 0;
  keys.forEach((p, idx) => {
    p.annualPlannedInvestment = idx === keys.length - 1 ? KEY_ANNUAL_PLAN_TOTAL - assigned : Math.round((p.annualPlannedInvestment * KEY_ANNUAL_PLAN_TOTAL) / sum / 100) * 100;
    p.totalInvestment = Math.max(p.totalInvestment, p.annualPlannedInvestment);
    assigned += p.annualPlannedInvestment;
  });
  for (const p of out) {
    if (!p.actualStartOn) continue;
    const first = p.actualStartOn < "2023-01-01" ? 1 : Number(p.actualStartOn.slice(5, 7));
    // The year's plan is spread over the months the project is active (to completion or December).
    const end = p.actualCompletionOn ? Number(p.actualCompletionOn.slice(5, 7)) : 12;
    const last = Math.min(end, 10);
    for (let m = first; m <= last; m++) {
      const month = `2023-${pad(m)}`;
      if (!hasReport(p.district, month)) continue;
      const boost = m <= 3 ? 1.15 : 1;
      const inv = Math.round((p.annualPlannedInvestment / (end - first + 1)) * DISTRICT_PACE[p.district]! * boost * (0.6 + rand() * 0.8));
      p.progress.push({ month, investment: inv });
    }
  }
  return out;
}

export interface DemoProblem {
  projectIndex: number; type: "land_approval" | "relocation" | "grid_relocation" | "other"; description: string; responsibleUnit: string;
  escalationLevel: "district" | "city" | "province"; openedOn: string; deadlineOn: string; status: "open" | "in_progress" | "resolved";
  resolvedOn: string | null; resolutionNote: string | null;
}

export function buildProblems(projects: DemoProject[]): DemoProblem[] {
  const rand = mulberry32(17);
  const spec: [DemoProblem["type"], number, string, string][] = [
    ["land_approval", 125, "用地报批材料待补充，农转用指标未落实", "市自然资源和规划局"],
    ["relocation", 120, "红线范围内尚有房屋未完成征收", "属地镇（街道）"],
    ["grid_relocation", 60, "项目范围内110千伏线路需迁改", "国网泉州供电公司"],
    ["other", 20, "施工许可手续办理滞后", "属地住建部门"],
  ];
  const started = projects.map((p, i) => ({ p, i })).filter(({ p }) => p.isKey);
  const out: DemoProblem[] = [];
  for (const [type, count, description, unit] of spec) {
    for (let k = 0; k < count; k++) {
      const { p, i } = started[Math.floor(rand() * started.length)]!;
      const openedOn = dateIn(1 + Math.floor(rand() * 10), 1 + Math.floor(rand() * 28));
      const deadlineOn = addDays(openedOn, 30 + Math.floor(rand() * 90));
      const r = rand() * DISTRICT_PACE[p.district]!;
      let status: DemoProblem["status"] = r < 0.16 ? "open" : r < 0.22 ? "in_progress" : "resolved";
      let resolvedOn: string | null = null;
      if (status === "resolved") {
        resolvedOn = addDays(openedOn, 10 + Math.floor(rand() * 100));
        if (resolvedOn > LAST_DAY || !hasReport(p.district, resolvedOn.slice(0, 7))) {
          status = "in_progress";
          resolvedOn = null;
        }
      }
      out.push({
        projectIndex: i, type, description, responsibleUnit: unit,
        escalationLevel: rand() < 0.7 ? "district" : rand() < 0.85 ? "city" : "province",
        openedOn, deadlineOn, status, resolvedOn,
        resolutionNote: resolvedOn ? "经协调会议研究，相关手续已办结（演示）" : null,
      });
    }
  }
  return out;
}

export const DEMO_EVENTS = [
  { key: "mass_start", name: "一季度重点项目集中开工（演示）", kind: "mass_start", heldOn: "2023-02-20", location: "泉州" },
  { key: "overseas", name: "侨港澳台项目集中签约会（演示）", kind: "signing", heldOn: "2023-05-18", location: "泉州" },
  { key: "gba", name: "粤港澳大湾区招商推介会（演示）", kind: "promotion", heldOn: "2023-04-12", location: "深圳" },
  { key: "sea", name: "东南亚招商推介会（演示）", kind: "promotion", heldOn: "2023-06-15", location: "新加坡" },
  { key: "yrd", name: "长三角招商推介会（演示）", kind: "promotion", heldOn: "2023-08-10", location: "上海" },
  { key: "tourism", name: "文旅经济招商推介会（演示）", kind: "promotion", heldOn: "2023-09-22", location: "泉州" },
];

export interface DemoSigning {
  name: string; district: string; investor: string; amount: number; isOverseas: boolean; isCultureTourism: boolean;
  event: string | null; signedOn: string; landedOn: string | null; isPublic: boolean;
}

export function buildSignings(): DemoSigning[] {
  const rand = mulberry32(10000);
  const topics = ["智能制造", "新材料", "现代物流", "文旅综合体", "数字经济", "新能源", "医疗健康", "总部经济", "海洋经济", "古城文旅"];
  const investors = ["某集团有限公司", "某控股股份公司", "某投资（香港）有限公司", "某科技股份有限公司", "某（新加坡）发展公司"];
  const out: DemoSigning[] = [];
  for (let i = 0; i < 420; i++) {
    const district = pickWeighted(rand, DISTRICT_WEIGHTS);
    const big = rand() < 0.33;
    const amount = big ? round(200_000 + Math.pow(rand(), 2) * 1_000_000, 1000) : round(10_000 + rand() * 150_000, 100);
    const topic = topics[Math.floor(rand() * topics.length)]!;
    const isCultureTourism = topic.includes("文旅") || rand() < 0.1;
    const isOverseas = rand() < 0.24;
    const eventRoll = rand();
    const event = isCultureTourism && eventRoll < 0.4 ? "tourism" : isOverseas && eventRoll < 0.5 ? "overseas" : eventRoll < 0.12 ? "gba" : eventRoll < 0.2 ? "sea" : eventRoll < 0.28 ? "yrd" : null;
    const ev = DEMO_EVENTS.find((e) => e.key === event);
    let signedOn = ev ? ev.heldOn : dateIn(1 + Math.floor(rand() * 10), 1 + Math.floor(rand() * 28));
    if (!hasReport(district, signedOn.slice(0, 7))) signedOn = "2023-09-20";
    let landedOn: string | null = rand() < 0.8 ? addDays(signedOn, 20 + Math.floor(rand() * 130)) : null;
    if (landedOn && (landedOn > LAST_DAY || !hasReport(district, landedOn.slice(0, 7)))) landedOn = null;
    out.push({
      name: `${SHORT[district]}${topic}项目（演示）`, district, investor: investors[Math.floor(rand() * investors.length)]!,
      amount, isOverseas, isCultureTourism, event, signedOn, landedOn, isPublic: rand() > 0.04,
    });
  }
  return out;
}

export interface DemoPark {
  code: string; name: string; district: string; isPilot: boolean; status: "planning" | "construction" | "trial_operation" | "operating";
  plannedTrialOn: string | null; trialOperationOn: string | null; areaMu: number;
}

export function buildParks(): DemoPark[] {
  const pilots: [string, string, string | null][] = [
    ["jinjiang", "晋江智能装备标准化园区", "2023-04-18"], ["jinjiang", "晋江鞋服智造园区", "2023-06-26"],
    ["nanan", "南安水暖卫浴产业园区", "2023-05-20"], ["nanan", "南安光电信息园区", null],
    ["shishi", "石狮纺织服装园区", "2023-07-12"], ["huian", "惠安石化配套园区", null],
    ["anxi", "安溪茶产业园区", "2023-08-08"], ["dehua", "德化陶瓷产业园区", "2023-03-28"],
    ["yongchun", "永春香产业园区", null], ["quangang", "泉港新材料园区", "2023-09-15"],
    ["luojiang", "洛江智能制造园区", null], ["kaifaqu", "开发区电子信息园区", "2023-10-20"],
    ["taishang", "台商区新能源园区", null], ["licheng", "鲤城都市工业园区", "2023-06-05"],
  ];
  const parks: DemoPark[] = pilots.map(([district, name, trial], i) => ({
    code: `DEMO-PARK-${String(i + 1).padStart(2, "0")}`, name: `${name}（演示）`, district, isPilot: true,
    status: trial ? (trial < "2023-06-01" ? "operating" : "trial_operation") : "construction",
    plannedTrialOn: `2023-${pad(4 + (i % 8))}-30`, trialOperationOn: trial, areaMu: (800 + i * 137) * 100,
  }));
  const others: [string, string][] = [["jinjiang", "晋江体育用品园区"], ["nanan", "南安石材园区"], ["huian", "惠安雕艺园区"], ["anxi", "安溪藤铁工艺园区"]];
  others.forEach(([district, name], i) => parks.push({
    code: `DEMO-PARK-${String(15 + i)}`, name: `${name}（演示）`, district, isPilot: false, status: i === 0 ? "operating" : "planning",
    plannedTrialOn: null, trialOperationOn: i === 0 ? "2022-09-01" : null, areaMu: 50000 + i * 10000,
  }));
  return parks;
}

/** Demo monthly values of the reported indicators, in base units, per district and month. */
export function buildReportedFigures(cityTargetsBase: Record<string, number>): Record<string, Record<string, { value?: number; numerator?: number; denominator?: number }>>[] {
  const rand = mulberry32(2023);
  const codes = DISTRICTS.map((d) => d.code);
  const rows: Record<string, Record<string, { value?: number; numerator?: number; denominator?: number }>>[] = [];
  const firms: Record<string, number> = splitByWeights(6200, codes, DISTRICT_WEIGHTS);
  const valueAdded: Record<string, number> = splitByWeights(48_000_000, codes, DISTRICT_WEIGHTS);
  const flowSteps: Record<string, number> = { planned_projects: 1, planned_investment: 1000, urban_investment: 100, standard_factory_area: 100, standard_park_area_started: 100 };
  const shares: Record<string, Record<string, number>> = {};
  for (const code of Object.keys(flowSteps)) shares[code] = splitByWeights(cityTargetsBase[code] ?? 0, codes, DISTRICT_WEIGHTS);
  DEMO_MONTHS.forEach((month, mi) => {
    const byDistrict: Record<string, Record<string, { value?: number; numerator?: number; denominator?: number }>> = {};
    for (const d of codes) {
      if (!hasReport(d, month)) continue;
      const pace = DISTRICT_PACE[d]!;
      const fig: Record<string, { value?: number; numerator?: number; denominator?: number }> = {};
      for (const [code, step] of Object.entries(flowSteps)) {
        const monthly = (shares[code]![d]! / 12) * pace * (mi < 3 ? 1.1 : 1) * (0.7 + rand() * 0.6);
        fig[code] = { value: Math.max(0, Math.round(monthly / step) * step) };
      }
      const entryShare = 0.32 + (pace - 0.8) * 0.5 + mi * 0.007;
      fig.enterprise_entry_rate = { numerator: Math.round(firms[d]! * entryShare), denominator: firms[d]! };
      const vaShare = 0.45 + (pace - 0.8) * 0.4 + mi * 0.006;
      const va = Math.round(((valueAdded[d]! * (mi + 1)) / 12) / 100) * 100;
      fig.park_value_added_share = { numerator: Math.round((va * vaShare) / 100) * 100, denominator: va };
      byDistrict[d] = fig;
    }
    rows.push(byDistrict);
  });
  return rows;
}

export const DEMO_PASSWORD = "Tuijin-demo-2023";
/** Base32 TOTP secret of the demo admin: public on purpose, demo databases only. */
export const DEMO_ADMIN_TOTP_SECRET = "TUIJINDEMOADMINTOTPSECRETABCDEFG";

export const DEMO_USERS = [
  { username: "admin", displayName: "专项办管理员（演示）", role: "city_admin" as const },
  { username: "leader", displayName: "市领导（演示）", role: "city_leader" as const },
  { username: "jinjiang", displayName: "晋江市填报员（演示）", role: "district_editor" as const, district: "jinjiang" },
  { username: "licheng", displayName: "鲤城区填报员（演示）", role: "district_editor" as const, district: "licheng" },
  { username: "shangwu", displayName: "市商务局填报员（演示）", role: "department_editor" as const, department: "swj" },
];

export { SECTORS };
