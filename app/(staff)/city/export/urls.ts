/**
 * URLs of the city's Excel exports (route handlers beside this file), for "导出 Excel" links on
 * any city page. Every export takes the same GET parameters as the city pages
 * (_components/city-params.ts): `month` ("YYYY-MM") and `include=unapproved` for figures
 * including unapproved ones (default: approved only), and re-checks `export.download` itself.
 * Pass the page's CityView: `dashboardExportUrl(view)`. Pure: safe in server and client code.
 */
export interface ExportScope {
  /** "YYYY-MM"; omitted = the export's default month (the same default as the page). */
  month?: string | null;
  /** true = including unapproved figures (rollup mode "all"). */
  include?: boolean | null;
}

function query(params: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}

const scope = (s: ExportScope) => ({ month: s.month ?? null, include: s.include ? "unapproved" : null });

/** Dashboard: every indicator with target, actual, %, 序时, status and reason. */
export function dashboardExportUrl(s: ExportScope = {}): string {
  return `/city/export/dashboard${query(scope(s))}`;
}

/** One indicator's district table (with each district's rank). */
export function indicatorExportUrl(indicatorCode: string, s: ExportScope = {}): string {
  return `/city/export/indicator${query({ code: indicatorCode, ...scope(s) })}`;
}

/** Key projects by sector (city), plus all key projects per district; `district` = a district code for one district's sectors. */
export function sectorsExportUrl(s: ExportScope & { district?: string | null } = {}): string {
  return `/city/export/sectors${query({ ...scope(s), district: s.district ?? null })}`;
}

/** Every indicator and district behind pace, worst first, with the responsible unit; `area` = the page's 范围 switch. */
export function laggingExportUrl(s: ExportScope & { area?: "city" | "districts" | null } = {}): string {
  return `/city/export/lagging${query({ ...scope(s), scope: s.area ?? null })}`;
}

/** One district's indicators (the drill-down page's "全部指标" table). */
export function districtExportUrl(districtCode: string, s: ExportScope = {}): string {
  return `/city/export/district${query({ code: districtCode, ...scope(s) })}`;
}

/** Supervision orders: the per-district counts and the list, with the page's filters. */
export function ordersExportUrl(f: { status?: string | null; district?: string | null; overdue?: boolean } = {}): string {
  return `/city/export/orders${query({ status: f.status ?? null, district: f.district ?? null, overdue: f.overdue ? "1" : null })}`;
}

/** Rankings: overall (with peer groups) and every indicator. */
export function rankingsExportUrl(s: ExportScope = {}): string {
  return `/city/export/rankings${query(scope(s))}`;
}

/** The completeness board: every open month × district. */
export function completenessExportUrl(): string {
  return "/city/export/completeness";
}
