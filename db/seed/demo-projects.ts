/** Demo key projects and their problems (see ./demo-data.ts for the shared knobs). */
import { addDays, dateIn, DISTRICT_PACE, DISTRICT_WEIGHTS, hasReport, LAST_DAY, mulberry32, pad, pickWeighted, round, SHORT } from "./demo-data";

const NAME_PARTS: Record<string, string[]> = {
  industry: ["智能装备产业园", "新材料生产基地", "纺织鞋服智能制造", "石化产业链延伸", "半导体封装测试", "食品加工产业园", "新能源电池材料", "陶瓷产业升级", "茶产业加工园", "光电产业基地", "工艺品智能工厂", "生物医药产业园"],
  infrastructure: ["污水处理厂提标改造", "城市更新片区", "地下综合管廊", "供水管网改造", "智慧停车场", "老旧小区改造"],
  social: ["医院新院区", "中学新校区", "养老服务中心", "保障性租赁住房", "全民健身中心", "文化艺术中心"],
  transport: ["快速路", "国道改线工程", "疏港公路", "城市主干道", "互通立交", "公交首末站"],
  energy: ["海上风电", "分布式光伏发电", "抽水蓄能电站配套", "220千伏变电站", "充换电站网络"],
  agri_water: ["水库除险加固", "高标准农田建设", "河道综合治理", "水系连通工程", "现代农业产业园"],
};

const URBAN_SUB_ACTIONS = ["livable", "eco_culture", "connectivity", "resilience", "smart_mgmt", "village_town", "showcase"];

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
