/**
 * A deterministic large city for the benchmark: 13 districts × 5 years × 60 indicators by
 * month, 20,000 projects with monthly progress (about a million rows in all), 5,000 problems,
 * 5,000 signings. Written with raw batched INSERTs in one write transaction per table group.
 * Everything here is benchmark data on a throw-away database, never demo or official data.
 */
import { hash } from "@node-rs/argon2";
import type { InArgs } from "@libsql/client";
import { openDatabase, type OpenDatabase } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { ACTIONS, DEPARTMENTS, DISTRICTS, INDICATORS, SECTORS, UNITS } from "../../db/seed/quanzhou-2023";
import { mulberry32, splitByWeights, DISTRICT_WEIGHTS } from "../../db/seed/demo-data";

export interface BenchSize {
  years: number;
  indicatorsPerYear: number;
  projectsPerYear: number;
  /** Months of progress history per project (ending in December of its campaign year). */
  progressMonths: number;
  problems: number;
  signings: number;
  /** Reporting districts (13 is the real city; more are generated alike, for the scale comparison). */
  districts?: number;
}

export const LARGE: BenchSize = { years: 5, indicatorsPerYear: 60, projectsPerYear: 4000, progressMonths: 48, problems: 5000, signings: 5000 };
/**
 * The ~10,000-row city the rollup time is compared with: the same dashboard (the same 60
 * indicators, 13 districts, every month of one year), with a small project register and no history.
 */
export const SMALL: BenchSize = { years: 1, indicatorsPerYear: 60, projectsPerYear: 150, progressMonths: 12, problems: 50, signings: 50 };
/** The 10k city with 40 districts instead of 13, and with 200 indicators instead of 60 (dashboard work against dashboard size). */
export const SMALL_40_DISTRICTS: BenchSize = { ...SMALL, districts: 40 };
export const SMALL_200_INDICATORS: BenchSize = { ...SMALL, indicatorsPerYear: 200 };
export const BENCH_PASSWORD = "Bench-password-2023";
export const LAST_YEAR = 2023;
export const AS_OF = "2023-10";

type Row = (string | number | null)[];

async function insertRows(open: OpenDatabase, table: string, columns: string[], rows: Row[], chunk = 200): Promise<void> {
  const tx = await open.client.transaction("write");
  try {
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      const placeholders = part.map(() => `(${columns.map(() => "?").join(",")})`).join(",");
      await tx.execute({ sql: `insert into ${table} (${columns.join(",")}) values ${placeholders}`, args: part.flat() as InArgs });
    }
    await tx.commit();
  } finally {
    tx.close();
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

export async function generate(url: string, size: BenchSize): Promise<{ rows: number }> {
  const open = await openDatabase(url);
  await runMigrations(open);
  const rand = mulberry32(42);
  let total = 0;
  const add = async (table: string, columns: string[], rows: Row[]) => {
    await insertRows(open, table, columns, rows);
    total += rows.length;
  };

  await add("units", ["code", "symbol", "symbol_en", "base_symbol", "scale"], UNITS.map((u) => [u.code, u.symbol, u.symbolEn, u.baseSymbol, u.scale]));
  const extra = Array.from({ length: Math.max(0, (size.districts ?? DISTRICTS.length) - DISTRICTS.length) }, (_, i) => ({ code: `bench_d${i + 1}`, name: `基准区${i + 1}`, nameEn: `Bench District ${i + 1}`, kind: DISTRICTS[0]!.kind, divisionCode: null }));
  const cityDistricts = [...DISTRICTS, ...extra];
  const weights: Record<string, number> = { ...DISTRICT_WEIGHTS, ...Object.fromEntries(extra.map((d) => [d.code, 7])) };
  const n = cityDistricts.length;
  await add("districts", ["code", "name", "name_en", "kind", "division_code", "sort_order"], cityDistricts.map((d, i) => [d.code, d.name, d.nameEn, d.kind, d.divisionCode, i + 1]));
  await add("departments", ["code", "name", "name_en", "sort_order"], DEPARTMENTS.map((d, i) => [d.code, d.name, d.nameEn, i + 1]));
  await add("sectors", ["code", "name", "name_en", "sort_order"], SECTORS.map((s, i) => [s.code, s.name, s.nameEn, i + 1]));
  const districtIds = cityDistricts.map((_, i) => i + 1);
  const deptIds = DEPARTMENTS.map((_, i) => i + 1);
  const passwordHash = await hash(BENCH_PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  await add(
    "users",
    ["username", "display_name", "role", "district_id", "department_id", "password_hash", "must_change_password"],
    [["leader", "基准测试市领导", "city_leader", null, null, passwordHash, 0], ...cityDistricts.map((d, i): Row => [`bench_${d.code}`, `基准测试${d.name}`, "district_editor", i + 1, null, passwordHash, 0])],
  );
  await add("app_meta", ["key", "value"], [["bench_data", "1"]]);

  let actionId = 0;
  let indicatorId = 0;
  let projectId = 0;
  let periodId = 0;
  let reportId = 0;
  for (let y = 0; y < size.years; y++) {
    const year = LAST_YEAR - size.years + 1 + y;
    const campaignId = y + 1;
    await add("campaigns", ["slug", "year", "city_name", "title", "subtitle", "starts_on", "ends_on", "status", "source_note"], [[`bench-${year}`, year, "基准市", "基准测试专项行动", "", `${year}-01-01`, `${year}-12-31`, year === LAST_YEAR ? "active" : "archived", "基准测试数据，非真实数据"]]);
    const actionIdOf: Record<string, number> = {};
    const actionRows: Row[] = [];
    for (const a of ACTIONS) {
      actionIdOf[a.code] = ++actionId;
      actionRows.push([campaignId, null, a.code, a.group, a.name, actionId, (DEPARTMENTS.findIndex((d) => d.code === a.lead) + 1) || null]);
    }
    await add("actions", ["campaign_id", "parent_id", "code", "group_label", "name", "sort_order", "lead_department_id"], actionRows);

    // The 18 campaign indicators, then generic reported ones up to indicatorsPerYear.
    const indRows: Row[] = [];
    const indMeta: { id: number; kind: string; aggregation: string; target: number }[] = [];
    const base = INDICATORS.slice(0, Math.min(INDICATORS.length, size.indicatorsPerYear));
    base.forEach((ind, i) => {
      const id = ++indicatorId;
      const scale = UNITS.find((u) => u.code === ind.unit)!.scale;
      indRows.push([campaignId, actionIdOf[ind.action]!, ind.code, ind.name, ind.unit, ind.kind, ind.aggregation, ind.accumulation ?? "flow", ind.numeratorLabel ?? null, ind.denominatorLabel ?? null, ind.partUnit ?? null, ind.derivation ? JSON.stringify(ind.derivation) : null, deptIds[i % deptIds.length]!, ind.decimals, ind.headline ? 1 : 0, i + 1]);
      indMeta.push({ id, kind: ind.kind, aggregation: ind.aggregation, target: Math.round(ind.target * scale) });
    });
    for (let i = base.length; i < size.indicatorsPerYear; i++) {
      const id = ++indicatorId;
      indRows.push([campaignId, actionIdOf[ACTIONS[i % 4]!.code]!, `bench_${i}`, `基准指标${i}`, "yi_yuan", "reported", "sum", "flow", null, null, null, null, deptIds[i % deptIds.length]!, 1, 0, i + 1]);
      indMeta.push({ id, kind: "reported", aggregation: "sum", target: 1_000_000 + i * 10_000 });
    }
    await add("indicators", ["campaign_id", "action_id", "code", "name", "unit_code", "kind", "aggregation", "accumulation", "numerator_label", "denominator_label", "part_unit_code", "derivation", "owner_department_id", "decimals", "is_headline", "sort_order"], indRows);
    const targetRows: Row[] = [];
    for (const m of indMeta) {
      targetRows.push([m.id, year, null, m.target]);
      const split = splitByWeights(m.target, cityDistricts.map((d) => d.code), weights);
      cityDistricts.forEach((d, i) => targetRows.push([m.id, year, i + 1, m.aggregation === "ratio" ? m.target : split[d.code]!]));
    }
    await add("targets", ["indicator_id", "year", "district_id", "target_value"], targetRows);

    const months = Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`);
    const periodOf: Record<string, number> = {};
    await add("periods", ["campaign_id", "month", "is_open", "locked", "due_on"], months.map((m, i): Row => {
      periodOf[m] = ++periodId;
      const reported = year < LAST_YEAR || m <= AS_OF;
      return [campaignId, m, reported ? 1 : 0, year < LAST_YEAR ? 1 : 0, `${i === 11 ? year + 1 : year}-${pad(i === 11 ? 1 : i + 2)}-05`];
    }));
    const reportOf: Record<string, number> = {};
    const reportRows: Row[] = [];
    for (const m of months) {
      if (year === LAST_YEAR && m > AS_OF) continue;
      for (const d of districtIds) {
        reportOf[`${d}|${m}`] = ++reportId;
        // The latest month is still being filled in (draft), so the benchmark can save into it.
        const draft = year === LAST_YEAR && m === AS_OF;
        reportRows.push([periodOf[m]!, d, draft ? "draft" : "approved", draft ? 0 : 1, draft ? null : `${m}-28T00:00:00.000Z`, draft ? null : `${m}-28T00:00:00.000Z`]);
      }
    }
    await add("monthly_reports", ["period_id", "district_id", "status", "official", "submitted_at", "approved_at"], reportRows);
    const figureRows: Row[] = [];
    for (const [key, rid] of Object.entries(reportOf)) {
      // Approved months carry their published copy (approved_*), as approval writes it.
      const approved = !(year === LAST_YEAR && key.endsWith(`|${AS_OF}`));
      for (const m of indMeta) {
        if (m.kind !== "reported") continue;
        if (m.aggregation === "ratio") {
          const den = 200 + Math.floor(rand() * 800);
          const num = Math.floor(den * (0.3 + rand() * 0.3));
          figureRows.push([rid, m.id, null, num, den, null, approved ? num : null, approved ? den : null]);
        } else {
          const v = Math.round((m.target / n / 12) * (0.6 + rand() * 0.8));
          figureRows.push([rid, m.id, v, null, null, approved ? v : null, null, null]);
        }
      }
    }
    await add("figure_values", ["report_id", "indicator_id", "value", "numerator", "denominator", "approved_value", "approved_numerator", "approved_denominator"], figureRows);

    const projectRows: Row[] = [];
    const progressRows: Row[] = [];
    for (let p = 0; p < size.projectsPerYear; p++) {
      const id = ++projectId;
      const district = districtIds[Math.floor(rand() * districtIds.length)]!;
      const annual = 1000 + Math.floor(rand() * 50_000);
      const startMonth = 1 + Math.floor(rand() * 12);
      const started = rand() < 0.8 ? `${year}-${pad(startMonth)}-10` : `${year - 1}-06-01`;
      const completed = rand() < 0.3 ? `${year}-${pad(Math.min(12, startMonth + 1 + Math.floor(rand() * 6)))}-20` : null;
      projectRows.push([campaignId, `B${year}-${String(p + 1).padStart(5, "0")}`, `基准项目${year}-${p + 1}`, district, actionIdOf.battle_year!, 1 + (p % SECTORS.length), annual * 4, annual, started, completed, completed ? "completed" : "under_construction", 1, rand() < 0.95 ? 1 : 0]);
      for (let k = size.progressMonths - 1; k >= 0; k--) {
        const idx = year * 12 + 11 - k;
        const month = `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}`;
        if (month > AS_OF && year === LAST_YEAR) continue;
        const amount = Math.round((annual / 12) * (0.5 + rand()));
        progressRows.push([id, month, amount, year === LAST_YEAR && month === AS_OF ? null : amount]);
      }
    }
    await add("projects", ["campaign_id", "code", "name", "district_id", "action_id", "sector_id", "total_investment", "annual_planned_investment", "actual_start_on", "actual_completion_on", "stage", "is_key", "is_public"], projectRows);
    await add("project_progress", ["project_id", "month", "investment", "approved_investment"], progressRows);

    const firstProject = projectId - size.projectsPerYear + 1;
    const per = (n: number) => Math.round(n / size.years);
    const types = ["land_approval", "relocation", "grid_relocation", "other"];
    await add("problems", ["project_id", "district_id", "type", "description", "responsible_unit", "deadline_on", "status", "opened_on", "resolved_on"], Array.from({ length: per(size.problems) }, (_, i): Row => {
      const pid = firstProject + Math.floor(rand() * size.projectsPerYear);
      const resolved = rand() < 0.6;
      const m = pad(1 + Math.floor(rand() * 10));
      return [pid, 1 + (pid % n), types[i % 4]!, "基准测试难题", "责任单位", `${year}-12-31`, resolved ? "resolved" : "open", `${year}-${m}-01`, resolved ? `${year}-${m}-15` : null];
    }));
    await add("signings", ["campaign_id", "district_id", "name", "amount", "is_overseas", "is_culture_tourism", "signed_on", "landed_on"], Array.from({ length: per(size.signings) }, (_, i): Row => {
      const m = pad(1 + Math.floor(rand() * 10));
      return [campaignId, 1 + (i % n), `基准签约${year}-${i}`, 10_000 + Math.floor(rand() * 500_000), rand() < 0.2 ? 1 : 0, rand() < 0.2 ? 1 : 0, `${year}-${m}-05`, rand() < 0.6 ? `${year}-${m}-25` : null];
    }));
    await add("parks", ["campaign_id", "code", "name", "district_id", "is_pilot", "status", "trial_operation_on"], Array.from({ length: 14 }, (_, i): Row => [campaignId, `BP${year}-${i}`, `基准园区${i}`, 1 + (i % n), 1, i < 9 ? "trial_operation" : "construction", i < 9 ? `${year}-${pad(1 + i)}-10` : null]));
  }
  await open.client.execute("analyze");
  open.close();
  return { rows: total };
}
