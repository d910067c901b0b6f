/**
 * The key-project register's stage and key level as written in a city's list (pure): labels the
 * app shows, and the spellings an office's spreadsheet uses for them.
 */
import type { PROJECT_STAGES, ProjectKeyLevel } from "./codes";

export type ProjectStage = (typeof PROJECT_STAGES)[number];

/** The app's stage labels (same as the district register). */
export const STAGE_LABELS: Record<ProjectStage, string> = { preparing: "前期筹备", under_construction: "在建", completed: "已建成", suspended: "暂停" };

export const KEY_LEVEL_LABELS: Record<ProjectKeyLevel, string> = { city: "市重点", province: "省重点", general: "一般" };

const STAGE_SPELLINGS: Record<ProjectStage, string[]> = {
  preparing: ["前期筹备", "前期", "筹备", "预备", "前期工作", "preparing"],
  under_construction: ["在建", "续建", "新开工", "开工", "施工", "在建项目", "under_construction"],
  completed: ["已建成", "建成", "竣工", "已竣工", "完工", "竣工投产", "completed"],
  suspended: ["暂停", "停工", "停建", "缓建", "suspended"],
};

const LEVEL_SPELLINGS: Record<ProjectKeyLevel, string[]> = {
  // A project on both lists is on the city's list: the campaign counts it.
  city: ["市重点", "市重点项目", "省市重点", "省、市重点", "市级重点", "是", "city"],
  province: ["省重点", "省重点项目", "省级重点", "province"],
  general: ["一般", "一般项目", "非重点", "否", "general"],
};

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

function lookup<K extends string>(table: Record<K, string[]>, raw: string): K | null {
  const t = norm(raw);
  for (const [k, spellings] of Object.entries(table) as [K, string[]][]) if (spellings.some((s) => norm(s) === t)) return k;
  return null;
}

export const parseStage = (raw: string): ProjectStage | null => lookup(STAGE_SPELLINGS, raw);
export const parseKeyLevel = (raw: string): ProjectKeyLevel | null => lookup(LEVEL_SPELLINGS, raw);

/** Only the city's own key list counts as 市重点 in the campaign's rollups. */
export const isKeyLevel = (level: ProjectKeyLevel): boolean => level === "city";

/**
 * The register's date rule (as on the district's project page): 在建 needs an actual start,
 * 已建成 a start and a completion; 前期筹备 has neither; completion is not before start.
 * Returns the problems in Chinese, empty when consistent.
 */
export function stageDateProblems(stage: ProjectStage, start: string | null, completion: string | null): string[] {
  const out: string[] = [];
  if ((stage === "under_construction" || stage === "completed") && !start) out.push(`阶段为“${STAGE_LABELS[stage]}”时须填实际开工日期`);
  if (stage === "completed" && !completion) out.push("阶段为“已建成”时须填实际竣工日期");
  if (stage === "preparing" && (start || completion)) out.push("阶段为“前期筹备”时不能有实际开工或竣工日期");
  if (stage !== "completed" && completion) out.push("已填实际竣工日期，阶段应为“已建成”");
  if (start && completion && completion < start) out.push("实际竣工日期不能早于实际开工日期");
  return out;
}

/** An Excel date serial (days since 1899-12-30, as a cell without date format holds it) → YYYY-MM-DD. */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 20000 || serial > 80000) return null;
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}
