import "server-only";
import ExcelJS from "exceljs";
import { ROLE_LABELS } from "@/domain/labels";
import { locateColumns } from "./columns";
import { loadWorkbookSafely, UploadRefused, type UploadLimits } from "./safe-load";
import { cellText, guardTextCells, styledSheet } from "./workbook";

/**
 * The account sheet of the campaign office: one row per clerk account (用户名, 姓名, 角色, 区县或部门),
 * as .xlsx (read within safe-load's limits) or CSV. Checking the rows is plan.ts's job.
 */
export const ACCOUNTS_SHEET = "账号";

export interface AccountLine {
  line: number;
  username: string;
  displayName: string;
  role: string;
  scope: string;
}

const COLUMNS = {
  username: ["用户名", "username"],
  displayName: ["姓名", "name", "displayName"],
  role: ["角色", "role"],
  scope: ["区县或部门", "所属区县或部门", "区县/部门", "scope", "district", "department"],
} as const;

/** The template: the header row, and a second sheet with the roles and the codes and names of every district and department. */
export function buildAccountsTemplate(options: { districts: { code: string; name: string }[]; departments: { code: string; name: string }[] }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "推进";
  const ws = styledSheet(wb, ACCOUNTS_SHEET, [
    { header: "用户名", key: "username", width: 18 },
    { header: "姓名", key: "displayName", width: 14 },
    { header: "角色", key: "role", width: 18 },
    { header: "区县或部门", key: "scope", width: 22 },
  ]);
  ws.getRow(1).getCell(1).note = "3–32 个字符：小写字母、数字、_ - .。已有的用户名会按本行更新姓名、角色和范围；新用户名会新建账号并给出一次性密码。";
  ws.getRow(1).getCell(3).note = `填“${ROLE_LABELS.district_editor}”“${ROLE_LABELS.department_editor}”或“${ROLE_LABELS.city_leader}”（也可填 district_editor 等代码）。专项办管理员请逐个创建。`;
  ws.getRow(1).getCell(4).note = "区县填报员填区县，市直部门填报员填部门（名称或代码均可，见“可选值”表）；市领导留空。";
  const ref = styledSheet(wb, "可选值", [
    { header: "类别", key: "kind", width: 12 },
    { header: "代码", key: "code", width: 22 },
    { header: "名称", key: "name", width: 24 },
  ]);
  for (const r of ["district_editor", "department_editor", "city_leader"] as const) ref.addRow({ kind: "角色", code: r, name: ROLE_LABELS[r] });
  for (const d of options.districts) ref.addRow({ kind: "区县", code: d.code, name: d.name });
  for (const d of options.departments) ref.addRow({ kind: "部门", code: d.code, name: d.name });
  return guardTextCells(wb);
}

type Read = { lines: AccountLine[] } | { error: string };

function fromRows(rows: string[][], firstLine: number): Read {
  const header = rows[0] ?? [];
  const col = locateColumns(header, COLUMNS);
  const missing = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).filter((k) => !col[k]).map((k) => COLUMNS[k][0]);
  if (missing.length > 0) return { error: `第一行应为表头，缺少：${missing.join("、")}。请使用本页的模板` };
  const at = (r: string[], k: keyof typeof COLUMNS) => (r[col[k]! - 1] ?? "").trim();
  const lines: AccountLine[] = [];
  rows.slice(1).forEach((r, i) => {
    const line = { line: firstLine + 1 + i, username: at(r, "username"), displayName: at(r, "displayName"), role: at(r, "role"), scope: at(r, "scope") };
    if (line.username || line.displayName || line.role || line.scope) lines.push(line);
  });
  return { lines };
}

export async function readAccountsWorkbook(buffer: ArrayBuffer, limits?: UploadLimits): Promise<Read> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbookSafely(buffer, limits);
  } catch (e) {
    if (e instanceof UploadRefused && e.kind === "limit") throw e;
    return { error: "无法读取文件：请上传 .xlsx 或 .csv 文件" };
  }
  const ws = wb.getWorksheet(ACCOUNTS_SHEET) ?? wb.worksheets[0];
  if (!ws) return { error: "文件中没有工作表" };
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const texts: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      texts[c - 1] = cellText(cell.value);
    });
    rows[n - 1] = Array.from(texts, (t) => t ?? "");
  });
  return fromRows(Array.from(rows, (r) => r ?? []), 1);
}

/** CSV as written by Excel or WPS: UTF-8 (with or without BOM) or GB18030, comma separated, quotes doubled. */
export function readAccountsCsv(bytes: Uint8Array, limits: Pick<UploadLimits, "maxRows" | "maxCellChars">): Read {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("gb18030").decode(bytes);
  }
  const rows = parseCsv(text.replace(/^\uFEFF/, ""));
  if (rows.length > limits.maxRows) throw new UploadRefused(`文件行数超过 ${limits.maxRows.toLocaleString("zh-CN")} 行`);
  if (rows.some((r) => r.some((c) => c.length > limits.maxCellChars))) throw new UploadRefused(`有单元格超过 ${limits.maxCellChars} 个字符`);
  return fromRows(rows, 1);
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endCell();
      rows.push(row);
      row = [];
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}
