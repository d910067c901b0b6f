import "server-only";
/**
 * The city's key-project list (市重点项目清单) as a spreadsheet: template, reading, and checking
 * each row against the city's districts, sectors and the campaign's actions. Columns are found
 * by their header text (order does not matter); money columns must say their unit in the
 * header — 总投资（亿元） or 总投资（万元） — and are stored in 万元. Dates may be Excel dates or
 * text such as 2024-03-15, 2024/3/15 or 2024年3月15日.
 */
import ExcelJS from "exceljs";
import { loadWorkbookSafely, UploadRefused } from "./safe-load";
import type { ProjectImportRow } from "@/db/mutations/setup/projects";
import { isDate } from "@/domain/months";
import { parseDisplayNumber } from "@/domain/numbers";
import { cellText, styledSheet } from "./workbook";
import { parseCoordinates } from "@/domain/map/coordinates";
import { excelSerialToDate, parseKeyLevel, parseStage, STAGE_LABELS } from "@/domain/project-register";

export const PROJECTS_SHEET = "重点项目";
export const MAX_PROJECT_ROWS = 5000;

type Key = "code" | "name" | "district" | "sector" | "action" | "owner" | "total" | "annual" | "plannedStart" | "plannedCompletion" | "stage" | "actualStart" | "actualCompletion" | "keyLevel" | "longitude" | "latitude";

/** Accepted header texts per column (first is the template's). */
const HEADERS: Record<Key, string[]> = {
  code: ["项目代码", "项目编号"],
  name: ["项目名称"],
  district: ["所属区县", "区县"],
  sector: ["行业", "行业分类"],
  action: ["专项行动", "所属专项行动"],
  owner: ["业主单位", "项目业主"],
  total: ["总投资"],
  annual: ["年度计划投资", "年度计划"],
  plannedStart: ["计划开工日期", "计划开工时间", "计划开工"],
  plannedCompletion: ["计划竣工日期", "计划建成日期", "计划竣工时间", "计划竣工"],
  stage: ["阶段", "项目阶段", "建设阶段", "项目状态"],
  actualStart: ["实际开工日期", "实际开工时间", "实际开工"],
  actualCompletion: ["实际竣工日期", "实际建成日期", "实际竣工时间", "实际竣工", "实际建成"],
  keyLevel: ["重点级别", "项目级别", "重点项目类别", "是否市重点"],
  longitude: ["经度", "项目经度"],
  latitude: ["纬度", "项目纬度"],
};
const REQUIRED: Key[] = ["code", "name", "district", "total", "annual"];
const MONEY: Key[] = ["total", "annual"];
const LABEL: Record<Key, string> = { code: "项目代码", name: "项目名称", district: "所属区县", sector: "行业", action: "专项行动", owner: "业主单位", total: "总投资", annual: "年度计划投资", plannedStart: "计划开工日期", plannedCompletion: "计划竣工日期", stage: "阶段", actualStart: "实际开工日期", actualCompletion: "实际竣工日期", keyLevel: "重点级别", longitude: "经度", latitude: "纬度" };

export interface Lookup {
  id: number;
  code: string;
  name: string;
  active?: boolean;
}

export function buildProjectsTemplate(args: { districts: Lookup[]; sectors: Lookup[]; actions: Lookup[] }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "推进";
  styledSheet(wb, PROJECTS_SHEET, [
    { header: "项目代码", key: "code", width: 16 },
    { header: "项目名称", key: "name", width: 40 },
    { header: "所属区县", key: "district", width: 14 },
    { header: "行业", key: "sector", width: 12 },
    { header: "专项行动", key: "action", width: 18 },
    { header: "业主单位", key: "owner", width: 28 },
    { header: "总投资（亿元）", key: "total", width: 14 },
    { header: "年度计划投资（亿元）", key: "annual", width: 18 },
    { header: "计划开工日期", key: "plannedStart", width: 14, numFmt: "yyyy-mm-dd" },
    { header: "计划竣工日期", key: "plannedCompletion", width: 14, numFmt: "yyyy-mm-dd" },
    { header: "阶段", key: "stage", width: 12 },
    { header: "实际开工日期", key: "actualStart", width: 14, numFmt: "yyyy-mm-dd" },
    { header: "实际竣工日期", key: "actualCompletion", width: 14, numFmt: "yyyy-mm-dd" },
    { header: "重点级别", key: "keyLevel", width: 12 },
    { header: "经度", key: "longitude", width: 12 },
    { header: "纬度", key: "latitude", width: 12 },
  ]);
  const help = wb.addWorksheet("填写说明");
  help.columns = [{ width: 24 }, { width: 70 }];
  const rows: [string, string][] = [
    ["项目代码", "必填，每个项目唯一。再次导入时按项目代码更新已有项目，不会重复创建。"],
    ["项目名称", "必填。"],
    ["所属区县", `必填，填区县名称或代码：${args.districts.filter((d) => d.active !== false).map((d) => `${d.name}（${d.code}）`).join("、")}`],
    ["行业", `可空，填行业名称或代码：${args.sectors.filter((d) => d.active !== false).map((d) => `${d.name}（${d.code}）`).join("、")}`],
    ["专项行动", `可空，填专项行动名称或代码：${args.actions.map((d) => `${d.name}（${d.code}）`).join("、")}`],
    ["业主单位", "可空。"],
    ["总投资、年度计划投资", "必填。列标题写明单位：“总投资（亿元）”或“总投资（万元）”，数值按该单位填写。年度计划投资不能大于总投资。"],
    ["计划开工、竣工日期", "可空。Excel 日期，或 2024-03-15、2024/3/15、2024年3月15日 等写法。"],
    ["阶段", `可空，填 ${Object.values(STAGE_LABELS).join("、")}（也认“续建”“竣工”“停工”等写法）。空着时按实际日期推定：有实际竣工日期为已建成，有实际开工日期为在建，否则为前期筹备。`],
    ["实际开工、竣工日期", "可空，写法同计划日期。在建须有实际开工日期；已建成须有实际开工和竣工日期。实际开工日期在本年内的市重点项目计入“新开工”。已审核发布月份的开工、竣工日期不能通过导入改动。"],
    ["重点级别", "可空（默认市重点），填 市重点、省重点 或 一般。专项统计的是本市的市重点项目清单：同时列入省、市重点的填“市重点”；只列入省重点清单的填“省重点”，与“一般”一样不计入市重点项目的个数和投资。"],
    ["经度、纬度", "可空，项目位置（WGS 84 十进制度数，例如 118.5876、24.9087），用于区县页面的项目位置图。两项要么都填，要么都不填；须在中国范围内（东经 73–136 度、北纬 3–54 度）。表中没有这两列时，已有项目的位置保持不变。"],
    ["整表规则", "只要有一行有错误，就不会保存任何数据；页面会列出每一行的问题。"],
  ];
  for (const r of rows) help.addRow(r);
  help.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  return wb;
}

export interface ProjectLine {
  line: number;
  cells: Partial<Record<Key, string>>;
}

export interface ReadProjects {
  lines: ProjectLine[];
  /** Stored per display unit of each money column: 10000 for 亿元, 1 for 万元. */
  moneyUnits: Record<"total" | "annual", { symbol: string; scale: number }>;
  /** Optional columns present in the sheet (absent ones leave existing values as they are). */
  present: Key[];
}

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").replace(/\*$/, "");

export async function readProjectsWorkbook(buffer: ArrayBuffer): Promise<ReadProjects | { error: string }> {
  let wb: ExcelJS.Workbook;
  try {
    // Bounded before parsing (size, inflated size, rows, cell length): see safe-load.ts.
    wb = await loadWorkbookSafely(buffer);
  } catch (e) {
    return { error: e instanceof UploadRefused && e.kind === "limit" ? e.message : "无法读取文件：请上传 .xlsx 格式的项目清单" };
  }
  const ws = wb.getWorksheet(PROJECTS_SHEET) ?? wb.worksheets[0];
  if (!ws) return { error: "文件中没有工作表" };
  const col = new Map<Key, number>();
  const moneyUnits: Partial<ReadProjects["moneyUnits"]> = {};
  const headerErrors: string[] = [];
  ws.getRow(1).eachCell((cell, n) => {
    const raw = norm(cellText(cell.value));
    const m = /^(.+?)[(（](亿元|万元)[)）]$/.exec(raw);
    const base = m ? m[1]! : raw;
    const key = (Object.keys(HEADERS) as Key[]).find((k) => HEADERS[k].includes(base));
    if (!key) return;
    col.set(key, n);
    if (MONEY.includes(key)) {
      if (!m) headerErrors.push(`“${base}”列标题必须写明单位，例如“${base}（亿元）”或“${base}（万元）”`);
      else moneyUnits[key as "total" | "annual"] = { symbol: m[2]!, scale: m[2] === "亿元" ? 10000 : 1 };
    }
  });
  const missing = REQUIRED.filter((k) => !col.has(k));
  if (missing.length > 0) return { error: `表头缺少以下列：${missing.map((k) => LABEL[k]).join("、")}。请使用下载的模板。` };
  if (headerErrors.length > 0) return { error: headerErrors.join("；") };
  const lines: ProjectLine[] = [];
  ws.eachRow((row, line) => {
    if (line === 1) return;
    const cells: Partial<Record<Key, string>> = {};
    for (const [key, n] of col) cells[key] = cellText(row.getCell(n).value).trim();
    if (Object.values(cells).every((v) => !v)) return;
    lines.push({ line, cells });
  });
  if (lines.length > MAX_PROJECT_ROWS) return { error: `一次最多导入 ${MAX_PROJECT_ROWS} 个项目，本文件有 ${lines.length} 行` };
  return { lines, moneyUnits: moneyUnits as ReadProjects["moneyUnits"], present: [...col.keys()] };
}

/** "2024/3/5", "2024.3.5", "2024年3月5日", "2024-03-05", an Excel date serial (45056) → "2024-03-05"; null when blank. */
export function normaliseDate(raw: string): string | null | { error: string } {
  const s = raw.normalize("NFKC").trim();
  if (!s) return null;
  if (/^\d{5}$/.test(s)) return excelSerialToDate(Number(s)) ?? { error: "日期格式应为 2024-03-15" };
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : s;
  return isDate(iso) ? iso : { error: "日期格式应为 2024-03-15" };
}

function find(list: readonly Lookup[], text: string): Lookup | undefined {
  const t = norm(text);
  return list.find((x) => x.code === text.trim() || norm(x.name) === t);
}

export interface RowError {
  line: number;
  message: string;
}

/** Checks every row; returns the rows to import or every problem found (nothing is stored unless there are none). */
export function checkProjectLines(read: ReadProjects, lookups: { districts: Lookup[]; sectors: Lookup[]; actions: Lookup[] }): { rows: ProjectImportRow[]; errors: RowError[] } {
  const rows: ProjectImportRow[] = [];
  const errors: RowError[] = [];
  const firstLine = new Map<string, number>();
  const has = (k: Key) => read.present.includes(k);
  for (const { line, cells } of read.lines) {
    const problems: string[] = [];
    const code = (cells.code ?? "").normalize("NFKC").trim();
    if (!code) problems.push("缺少项目代码");
    else if (code.length > 40) problems.push("项目代码最多 40 个字符");
    else if (firstLine.has(code)) problems.push(`项目代码“${code}”与第 ${firstLine.get(code)} 行重复`);
    else firstLine.set(code, line);
    const name = (cells.name ?? "").trim();
    if (!name) problems.push("缺少项目名称");
    else if (name.length > 200) problems.push("项目名称最多 200 个字");

    const districtText = cells.district ?? "";
    const district = districtText ? find(lookups.districts, districtText) : undefined;
    if (!districtText) problems.push("缺少所属区县");
    else if (!district) problems.push(`没有名为“${districtText}”的区县`);
    else if (district.active === false) problems.push(`区县“${district.name}”已停用`);

    let sectorId: number | null | undefined;
    if (has("sector")) {
      const t = cells.sector ?? "";
      const s = t ? find(lookups.sectors, t) : undefined;
      if (t && !s) problems.push(`没有名为“${t}”的行业`);
      else if (s && s.active === false) problems.push(`行业“${s.name}”已停用`);
      sectorId = s?.id ?? null;
    }
    let actionId: number | null | undefined;
    if (has("action")) {
      const t = cells.action ?? "";
      const a = t ? find(lookups.actions, t) : undefined;
      if (t && !a) problems.push(`本专项没有名为“${t}”的专项行动`);
      actionId = a?.id ?? null;
    }
    const owner = has("owner") ? (cells.owner ?? "").trim() : undefined;
    if (owner && owner.length > 200) problems.push("业主单位最多 200 个字");

    const money = (key: "total" | "annual") => {
      const u = read.moneyUnits[key];
      const r = parseDisplayNumber(cells[key] ?? "", { code: u.symbol, symbol: u.symbol, scale: u.scale });
      if (r.kind === "ok") return r.base;
      problems.push(r.kind === "missing" ? `缺少${LABEL[key]}` : `${LABEL[key]}：${r.message}`);
      return null;
    };
    const total = money("total");
    const annual = money("annual");
    if (total !== null && annual !== null && annual > total) problems.push("年度计划投资不能大于总投资");

    const date = (key: "plannedStart" | "plannedCompletion" | "actualStart" | "actualCompletion") => {
      if (!has(key)) return undefined;
      const d = normaliseDate(cells[key] ?? "");
      if (d !== null && typeof d === "object") {
        problems.push(`${LABEL[key]}：${d.error}`);
        return null;
      }
      return d;
    };
    const plannedStartOn = date("plannedStart");
    const plannedCompletionOn = date("plannedCompletion");
    if (plannedStartOn && plannedCompletionOn && plannedCompletionOn < plannedStartOn) problems.push("计划竣工日期不能早于计划开工日期");
    const actualStartOn = date("actualStart");
    const actualCompletionOn = date("actualCompletion");
    let stage: ProjectImportRow["stage"];
    if (has("stage") && cells.stage) {
      stage = parseStage(cells.stage) ?? undefined;
      if (!stage) problems.push(`阶段“${cells.stage}”无法识别，应为 ${Object.values(STAGE_LABELS).join("、")}`);
    }
    let keyLevel: ProjectImportRow["keyLevel"];
    if (has("keyLevel") && cells.keyLevel) {
      keyLevel = parseKeyLevel(cells.keyLevel) ?? undefined;
      if (!keyLevel) problems.push(`重点级别“${cells.keyLevel}”无法识别，应为 市重点、省重点 或 一般`);
    }

    let site: { longitude: number | null; latitude: number | null } | undefined;
    if (has("longitude") || has("latitude")) {
      if (!has("longitude") || !has("latitude")) problems.push("经度和纬度两列要同时提供");
      else {
        const c = parseCoordinates(cells.longitude ?? "", cells.latitude ?? "");
        if (c.ok) site = { longitude: c.longitude, latitude: c.latitude };
        else problems.push(...[c.errors.longitude, c.errors.latitude].filter((m): m is string => !!m));
      }
    }

    if (problems.length > 0) {
      errors.push({ line, message: problems.join("；") });
      continue;
    }
    rows.push({ line, code, name, districtId: district!.id, sectorId, actionId, owner, totalInvestment: total!, annualPlannedInvestment: annual!, plannedStartOn, plannedCompletionOn, actualStartOn, actualCompletionOn, stage, keyLevel, ...site });
  }
  return { rows, errors };
}
