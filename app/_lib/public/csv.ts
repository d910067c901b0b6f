import "server-only";
import { neutraliseFormula } from "@/app/_lib/excel/formula-guard";

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is defused. */
export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v == null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  // The same neutralising as every spreadsheet the server writes (app/_lib/excel/formula-guard.ts).
  const s = neutraliseFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a UTF-8 byte-order mark (so Excel opens Chinese text correctly). */
export function toCsv<F extends string>(fields: readonly F[], rows: readonly Record<F, string | number | boolean | null>[]): string {
  const lines = [fields.join(",")];
  for (const r of rows) lines.push(fields.map((f) => csvCell(r[f])).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
