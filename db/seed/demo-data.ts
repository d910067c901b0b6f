/**
 * Demo data for the Quanzhou 2023 campaign: invented, deterministic, and always labelled as
 * demo (app_meta.demo_data = "1" puts the 演示数据 banner on every page; demo targets carry
 * is_demo). Nothing here is an official figure. Pure: builds plain rows, the seed inserts them.
 * The shared knobs live here; projects and problems are built in ./demo-projects.ts, events,
 * signings and parks in ./demo-records.ts.
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

export const SHORT: Record<string, string> = {
  licheng: "鲤城", fengze: "丰泽", luojiang: "洛江", quangang: "泉港", shishi: "石狮", jinjiang: "晋江", nanan: "南安",
  huian: "惠安", anxi: "安溪", yongchun: "永春", dehua: "德化", kaifaqu: "泉州开发区", taishang: "台商区",
};

export const DEMO_MONTHS = ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06", "2023-07", "2023-08", "2023-09", "2023-10"];
export const LAST_DEMO_MONTH = "2023-10";
export const LAST_DAY = "2023-10-31";

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

export function pad(n: number): string {
  return String(n).padStart(2, "0");
}
export function dateIn(month: number, day: number): string {
  return `2023-${pad(month)}-${pad(Math.min(day, 28))}`;
}
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
export function round(n: number, step: number): number {
  return Math.max(step, Math.round(n / step) * step);
}


export function pickWeighted(rand: () => number, weights: Record<string, number>): string {
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
