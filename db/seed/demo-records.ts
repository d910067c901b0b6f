/** Demo events, signings and parks (see ./demo-data.ts for the shared knobs). */
import { addDays, dateIn, DISTRICT_WEIGHTS, hasReport, LAST_DAY, mulberry32, pad, pickWeighted, round, SHORT } from "./demo-data";

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
