import "server-only";
/**
 * The city's key-project list (市重点项目清单) as a spreadsheet: reading, and checking
 * each row against the city's districts, sectors and the campaign's actions. Columns are found
 * by their header text (order does not matter); money columns must say their unit in the
 * header — 总投资（亿元） or 总投资（万元） — and are stored in 万元. Dates may be Excel dates or
 * text such as 2024-03-15, 2024/3/15 or 2024年3月15日. The template: ./projects-template.ts; the
 * columns both share: ./projects-columns.ts.
 */
import ExcelJS from "exceljs";
import { loadWorkbookSafely, UploadRefused } from "./safe-load";
import type { ProjectImportRow } from "@/db/mutations/setup/projects";
import { isDate } from "@/domain/months";
import { parseDisplayNumber } from "@/domain/numbers";
import { cellText } from "./workbook";
import { parseCoordinates } from "@/domain/map/coordinates";
import { excelSerialToDate, parseKeyLevel, parseStage, STAGE_LABELS } from "@/domain/project-register";
import { HEADERS, LABEL, MAX_PROJECT_ROWS, MONEY, PROJECTS_SHEET, REQUIRED, type Key, type Lookup } from "./projects-columns";

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
