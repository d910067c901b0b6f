/**
 * Seeds the Quanzhou 2023 campaign (official targets) plus clearly labelled demo data.
 * Idempotent (a second run changes nothing), deterministic (same rows every time) and
 * safe: it refuses to touch a database that already holds non-demo data.
 */
import { sealSecret } from "@/domain/secret-box";
import { hashPassword } from "@/domain/passwords";
import { eq } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { OpenDatabase, Tx } from "../client";
import * as s from "../schema";
import { DEMO_BOUNDARY_SOURCE, demoLocations, seedBoundaries } from "./map-demo";
import { ACTIONS, CAMPAIGN, DEPARTMENTS, DISTRICTS, INDICATORS, SECTORS, UNITS } from "./quanzhou-2023";
import {
  buildReportedFigures, DEMO_MONTHS, DEMO_PASSWORD, DEMO_ADMIN_TOTP_SECRET, DEMO_USERS, DISTRICT_WEIGHTS, LAST_DEMO_MONTH, OCTOBER_STATUS, splitByWeights,
} from "./demo-data";
import { buildProblems, buildProjects } from "./demo-projects";
import { buildParks, buildSignings, DEMO_EVENTS } from "./demo-records";

export const SEED_VERSION = "1";

export class SeedRefusedError extends Error {
  override name = "SeedRefusedError";
}

export type SeedOutcome = "seeded" | "already-seeded";

/** Inserts in chunks: SQLite caps the number of bound parameters per statement. */
async function insertMany<T extends SQLiteTable>(tx: Tx, table: T, rows: T["$inferInsert"][], chunk = 100): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await tx.insert(table as never).values(rows.slice(i, i + chunk) as never);
  }
}

export async function seedDemo(open: OpenDatabase): Promise<SeedOutcome> {
  const demo = await open.db.select({ value: s.appMeta.value }).from(s.appMeta).where(eq(s.appMeta.key, "demo_data"));
  if (demo[0]?.value === "1") return "already-seeded";
  const existing = await open.db.select({ id: s.campaigns.id }).from(s.campaigns).limit(1);
  const existingUsers = await open.db.select({ id: s.users.id }).from(s.users).limit(1);
  if (existing.length > 0 || existingUsers.length > 0) {
    throw new SeedRefusedError("数据库中已有非演示数据，演示数据不会写入（也不会覆盖任何已有数据）。");
  }
  // Hash outside the write transaction: argon2 is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await open.write(async (tx) => {
    const again = await tx.select({ value: s.appMeta.value }).from(s.appMeta).where(eq(s.appMeta.key, "demo_data"));
    if (again[0]?.value === "1") return;
    await writeAll(tx, passwordHash);
  });
  return "seeded";
}

async function writeAll(tx: Tx, passwordHash: string): Promise<void> {
  await insertMany(tx, s.units, UNITS.map((u) => ({ ...u })));
  const unitScale = Object.fromEntries(UNITS.map((u) => [u.code, u.scale]));
  const toBase = (display: number, unit: string) => Math.round(display * unitScale[unit]!);

  await insertMany(tx, s.districts, DISTRICTS.map((d, i) => ({ ...d, sortOrder: i + 1 })));
  await insertMany(tx, s.departments, DEPARTMENTS.map((d, i) => ({ ...d, sortOrder: i + 1 })));
  await insertMany(tx, s.sectors, SECTORS.map((d, i) => ({ ...d, sortOrder: i + 1 })));
  const districtId = idMap(await tx.select({ id: s.districts.id, code: s.districts.code }).from(s.districts));
  const departmentId = idMap(await tx.select({ id: s.departments.id, code: s.departments.code }).from(s.departments));
  const sectorId = idMap(await tx.select({ id: s.sectors.id, code: s.sectors.code }).from(s.sectors));
  const boundaries = seedBoundaries(DISTRICTS.map((d) => ({ id: districtId[d.code]!, code: d.code, name: d.name, divisionCode: d.divisionCode })));
  await insertMany(tx, s.districtBoundaries, boundaries.map((b) => ({ districtId: b.districtId, coordinates: JSON.stringify(b.coordinates), source: DEMO_BOUNDARY_SOURCE })), 20);

  const [campaign] = await tx.insert(s.campaigns).values(CAMPAIGN).returning({ id: s.campaigns.id });
  const campaignId = campaign!.id;

  let order = 0;
  for (const a of ACTIONS) {
    const [row] = await tx
      .insert(s.actions)
      .values({ campaignId, code: a.code, groupLabel: a.group, name: a.name, nameEn: a.nameEn, summary: a.summary, summaryEn: a.summaryEn, sortOrder: ++order, leadDepartmentId: departmentId[a.lead] })
      .returning({ id: s.actions.id });
    for (const c of a.children ?? []) {
      await tx.insert(s.actions).values({ campaignId, parentId: row!.id, code: c.code, groupLabel: a.group, name: c.name, nameEn: c.nameEn, sortOrder: ++order, leadDepartmentId: departmentId[a.lead] });
    }
  }
  const actionId = idMap(await tx.select({ id: s.actions.id, code: s.actions.code }).from(s.actions).where(eq(s.actions.campaignId, campaignId)));

  const districtCodes = DISTRICTS.map((d) => d.code);
  const cityTargetsBase: Record<string, number> = {};
  let indicatorOrder = 0;
  for (const ind of INDICATORS) {
    const [row] = await tx
      .insert(s.indicators)
      .values({
        campaignId, actionId: actionId[ind.action]!, code: ind.code, name: ind.name, nameEn: ind.nameEn, unitCode: ind.unit,
        kind: ind.kind, aggregation: ind.aggregation, accumulation: ind.accumulation ?? "flow",
        numeratorLabel: ind.numeratorLabel ?? null, denominatorLabel: ind.denominatorLabel ?? null, partUnitCode: ind.partUnit ?? null,
        derivation: ind.derivation ?? null, ownerDepartmentId: departmentId[ind.owner], decimals: ind.decimals,
        isHeadline: ind.headline ?? false, sortOrder: ++indicatorOrder,
      })
      .returning({ id: s.indicators.id });
    const target = toBase(ind.target, ind.unit);
    cityTargetsBase[ind.code] = target;
    await tx.insert(s.targets).values({
      indicatorId: row!.id, year: CAMPAIGN.year, districtId: null, targetValue: target,
      baselineValue: ind.baseline != null ? toBase(ind.baseline, ind.unit) : null,
      growthTargetBp: ind.growthPct != null ? Math.round(ind.growthPct * 100) : null,
      multipleTargetPct: ind.multiple != null ? Math.round(ind.multiple * 100) : null,
      sourceNote: ind.sourceNote,
    });
    // Demo district targets: summable ones split so they add up to the city target exactly.
    const split = ind.aggregation === "ratio" ? null : splitByWeights(target, districtCodes, DISTRICT_WEIGHTS);
    await insertMany(tx, s.targets, districtCodes.map((code, i) => ({
      indicatorId: row!.id, year: CAMPAIGN.year, districtId: districtId[code]!,
      targetValue: split ? split[code]! : target + ((i % 5) - 2) * 200,
      sourceNote: "演示数据：按区县权重分解", isDemo: true,
    })));
  }
  const indicatorId = idMap(await tx.select({ id: s.indicators.id, code: s.indicators.code }).from(s.indicators).where(eq(s.indicators.campaignId, campaignId)));

  // Periods: every month of the year; January–October open (reported), November–December not yet opened.
  await insertMany(tx, s.periods, Array.from({ length: 12 }, (_, i) => {
    const month = `2023-${String(i + 1).padStart(2, "0")}`;
    const next = i === 11 ? "2024-01" : `2023-${String(i + 2).padStart(2, "0")}`;
    return { campaignId, month, isOpen: i < 10, locked: i < 6, lockedAt: i < 6 ? `${next}-20T02:00:00.000Z` : null, dueOn: `${next}-05` };
  }));
  const periodId = Object.fromEntries((await tx.select({ id: s.periods.id, month: s.periods.month }).from(s.periods)).map((p) => [p.month, p.id]));

  await insertMany(tx, s.users, DEMO_USERS.map((u) => ({
    username: u.username, displayName: u.displayName, role: u.role,
    districtId: "district" in u ? districtId[u.district!] : null,
    departmentId: "department" in u ? departmentId[u.department!] : null,
    passwordHash, mustChangePassword: false,
    // City admins must use two-factor sign-in; the demo admin's secret is published (README, npm run demo:totp).
    // Sealed under AUTH_SECRET when it is set (npm start sets it before seeding); plaintext otherwise, read as legacy.
    totpSecret: u.role === "city_admin" ? (process.env.AUTH_SECRET ? sealSecret(DEMO_ADMIN_TOTP_SECRET, process.env.AUTH_SECRET) : DEMO_ADMIN_TOTP_SECRET) : null, totpEnabled: u.role === "city_admin",
  })));
  const userId = Object.fromEntries((await tx.select({ id: s.users.id, username: s.users.username }).from(s.users)).map((u) => [u.username, u.id]));
  const admin = userId.admin!;

  // Monthly reports: January–September approved; October in every state (one district missing).
  const reportId: Record<string, number> = {};
  const reportStatus: Record<string, string> = {};
  for (const month of DEMO_MONTHS) {
    for (const d of districtCodes) {
      const status = month === LAST_DEMO_MONTH ? OCTOBER_STATUS[d] : "approved";
      if (!status) continue;
      const next = nextMonth(month);
      const late = d === "luojiang" && month === "2023-09";
      const submittedAt = status === "draft" ? null : `${next}-${late ? "08" : "04"}T08:30:00.000Z`;
      const [r] = await tx.insert(s.monthlyReports).values({
        periodId: periodId[month]!, districtId: districtId[d]!, status,
        submittedBy: submittedAt ? userId.jinjiang : null, submittedAt,
        official: status === "approved", approvedBy: status === "approved" ? admin : null, approvedAt: status === "approved" ? `${next}-${late ? "10" : "06"}T03:00:00.000Z` : null,
        returnedBy: status === "returned" ? admin : null, returnedAt: status === "returned" ? `${next}-06T03:00:00.000Z` : null,
        returnComment: status === "returned" ? "城建项目完成投资与项目进度合计不一致，请核实后重新报送（演示）" : null,
      }).returning({ id: s.monthlyReports.id });
      reportId[`${d}|${month}`] = r!.id;
      reportStatus[`${d}|${month}`] = status;
    }
  }

  const figures = buildReportedFigures(cityTargetsBase);
  const figureRows: (typeof s.figureValues.$inferInsert)[] = [];
  figures.forEach((byDistrict, mi) => {
    const month = DEMO_MONTHS[mi]!;
    for (const [d, byCode] of Object.entries(byDistrict)) {
      for (const [code, v] of Object.entries(byCode)) {
        const approved = reportStatus[`${d}|${month}`] === "approved";
        figureRows.push({
          reportId: reportId[`${d}|${month}`]!, indicatorId: indicatorId[code]!, value: v.value ?? null, numerator: v.numerator ?? null, denominator: v.denominator ?? null,
          approvedValue: approved ? (v.value ?? null) : null, approvedNumerator: approved ? (v.numerator ?? null) : null, approvedDenominator: approved ? (v.denominator ?? null) : null,
        });
      }
    }
  });
  await insertMany(tx, s.figureValues, figureRows);

  const projects = buildProjects();
  const parkList = buildParks();
  const spots = demoLocations(new Map(boundaries.map((b) => [b.code, b.coordinates])), parkList, projects);
  const projectIds: number[] = [];
  for (let i = 0; i < projects.length; i += 100) {
    const rows = await tx.insert(s.projects).values(projects.slice(i, i + 100).map((p, j) => ({
      ...spots.projects.get(i + j),
      campaignId, code: p.code, name: p.name, districtId: districtId[p.district]!, actionId: actionId[p.action]!, sectorId: sectorId[p.sector]!,
      owner: p.owner, totalInvestment: p.totalInvestment, annualPlannedInvestment: p.annualPlannedInvestment,
      plannedStartOn: p.plannedStartOn, plannedCompletionOn: p.plannedCompletionOn, actualStartOn: p.actualStartOn,
      actualCompletionOn: p.actualCompletionOn, stage: p.stage, isKey: p.isKey, isPublic: p.isPublic,
    }))).returning({ id: s.projects.id });
    projectIds.push(...rows.map((r) => r.id));
  }
  await insertMany(tx, s.projectProgress, projects.flatMap((p, i) => p.progress.map((g) => ({
    projectId: projectIds[i]!, month: g.month, investment: g.investment,
    // The published copy of an approved district-month's amount.
    approvedInvestment: reportStatus[`${p.district}|${g.month}`] === "approved" ? g.investment : null,
  }))));

  await insertMany(tx, s.problems, buildProblems(projects).map((pr) => ({
    campaignId, projectId: projectIds[pr.projectIndex]!, districtId: districtId[projects[pr.projectIndex]!.district]!, type: pr.type,
    description: pr.description, responsibleUnit: pr.responsibleUnit, escalationLevel: pr.escalationLevel, deadlineOn: pr.deadlineOn,
    status: pr.status, openedOn: pr.openedOn, resolvedOn: pr.resolvedOn, resolvedBy: pr.resolvedOn ? admin : null, resolutionNote: pr.resolutionNote,
  })));

  const eventId: Record<string, number> = {};
  for (const e of DEMO_EVENTS) {
    const [row] = await tx.insert(s.events).values({ campaignId, name: e.name, kind: e.kind, heldOn: e.heldOn, location: e.location }).returning({ id: s.events.id });
    eventId[e.key] = row!.id;
  }
  await insertMany(tx, s.signings, buildSignings().map((g) => ({
    campaignId, districtId: districtId[g.district]!, name: g.name, investor: g.investor, amount: g.amount, isOverseas: g.isOverseas,
    isCultureTourism: g.isCultureTourism, eventId: g.event ? eventId[g.event]! : null, signedOn: g.signedOn, landedOn: g.landedOn, isPublic: g.isPublic,
  })));
  await insertMany(tx, s.parks, parkList.map((p, i) => ({ campaignId, ...p, districtId: districtId[p.district]!, ...spots.parks[i] })));

  await insertMany(tx, s.appMeta, [
    { key: "demo_data", value: "1" },
    { key: "seed_version", value: SEED_VERSION },
  ]);
  await tx.insert(s.auditEvents).values({
    actorName: "system", action: "seed.demo", entity: "database", entityId: CAMPAIGN.slug,
    after: { campaign: CAMPAIGN.slug, projects: projects.length, demo: true },
  });
}

function idMap(rows: { id: number; code: string }[]): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}
