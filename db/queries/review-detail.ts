import "server-only";
import { and, asc, desc, eq, gte, inArray, like, lt, or } from "drizzle-orm";
import { addMonths } from "@/domain/months";
import { getDatabase } from "../index";
import { corrections, indicators, parks, problems, projectProgress, projects, reportSnapshots, sectors, signings, users } from "../schema";

/*
 * What the review page shows besides the figures: the district-month's project investment,
 * the records dated in or changed during the month, the snapshots to diff against and the
 * corrections already made. Every function here is scoped to one district-month (or one report)
 * and the caller must have checked `city.read`.
 */

/** The month in Asia/Shanghai as a half-open range of stored UTC timestamps. */
function monthRange(month: string): { from: string; to: string } {
  const at = (m: string) => new Date(`${m}-01T00:00:00+08:00`).toISOString();
  return { from: at(month), to: at(addMonths(month, 1)) };
}

/** The district's project investment rows of the month (live and approved amounts, 万元), by sector. */
export async function listReviewProjects(campaignId: number, districtId: number, month: string) {
  const { db } = await getDatabase();
  return db
    .select({
      projectId: projects.id,
      code: projects.code,
      name: projects.name,
      sectorName: sectors.name,
      sectorSort: sectors.sortOrder,
      investment: projectProgress.investment,
      approvedInvestment: projectProgress.approvedInvestment,
      note: projectProgress.note,
    })
    .from(projectProgress)
    .innerJoin(projects, eq(projects.id, projectProgress.projectId))
    .leftJoin(sectors, eq(sectors.id, projects.sectorId))
    .where(and(eq(projects.campaignId, campaignId), eq(projects.districtId, districtId), eq(projectProgress.month, month)))
    .orderBy(asc(sectors.sortOrder), asc(projects.code));
}

/** Code and name of some of the district's projects (rows a snapshot has but the month no longer holds). */
export async function listProjectNames(campaignId: number, districtId: number, ids: number[]) {
  if (ids.length === 0) return [];
  const { db } = await getDatabase();
  return db
    .select({ projectId: projects.id, code: projects.code, name: projects.name })
    .from(projects)
    .where(and(eq(projects.campaignId, campaignId), eq(projects.districtId, districtId), inArray(projects.id, ids)));
}

/** Problems, signings and parks of the district dated in the month or changed during it. */
export async function listReviewRecords(campaignId: number, districtId: number, month: string) {
  const { db } = await getDatabase();
  const { from, to } = monthRange(month);
  const inMonth = `${month}-%`;
  const [problemRows, signingRows, parkRows] = await Promise.all([
    db
      .select({
        id: problems.id,
        type: problems.type,
        description: problems.description,
        status: problems.status,
        openedOn: problems.openedOn,
        resolvedOn: problems.resolvedOn,
        updatedAt: problems.updatedAt,
        projectCode: projects.code,
        projectName: projects.name,
      })
      .from(problems)
      .innerJoin(projects, eq(projects.id, problems.projectId))
      .where(
        and(
          eq(problems.districtId, districtId),
          eq(projects.campaignId, campaignId),
          or(like(problems.openedOn, inMonth), like(problems.resolvedOn, inMonth), and(gte(problems.updatedAt, from), lt(problems.updatedAt, to))),
        ),
      )
      .orderBy(asc(problems.openedOn), asc(problems.id)),
    db
      .select({
        id: signings.id,
        name: signings.name,
        investor: signings.investor,
        amount: signings.amount,
        signedOn: signings.signedOn,
        landedOn: signings.landedOn,
        isOverseas: signings.isOverseas,
        isCultureTourism: signings.isCultureTourism,
        updatedAt: signings.updatedAt,
      })
      .from(signings)
      .where(
        and(
          eq(signings.campaignId, campaignId),
          eq(signings.districtId, districtId),
          or(like(signings.signedOn, inMonth), like(signings.landedOn, inMonth), and(gte(signings.updatedAt, from), lt(signings.updatedAt, to))),
        ),
      )
      .orderBy(asc(signings.signedOn), asc(signings.id)),
    db
      .select({
        id: parks.id,
        code: parks.code,
        name: parks.name,
        status: parks.status,
        isPilot: parks.isPilot,
        trialOperationOn: parks.trialOperationOn,
        updatedAt: parks.updatedAt,
      })
      .from(parks)
      .where(
        and(
          eq(parks.campaignId, campaignId),
          eq(parks.districtId, districtId),
          or(like(parks.trialOperationOn, inMonth), and(gte(parks.updatedAt, from), lt(parks.updatedAt, to))),
        ),
      )
      .orderBy(asc(parks.code)),
  ]);
  return { problems: problemRows, signings: signingRows, parks: parkRows, from, to };
}

/** The report's latest approved snapshot and its two latest submitted ones (newest first). */
export async function getReviewSnapshots(reportId: number) {
  const { db } = await getDatabase();
  const cols = { id: reportSnapshots.id, kind: reportSnapshots.kind, at: reportSnapshots.at, byName: users.displayName, data: reportSnapshots.data };
  const [approved, submitted] = await Promise.all([
    db.select(cols).from(reportSnapshots).leftJoin(users, eq(users.id, reportSnapshots.byUserId))
      .where(and(eq(reportSnapshots.reportId, reportId), eq(reportSnapshots.kind, "approved"))).orderBy(desc(reportSnapshots.id)).limit(1),
    db.select(cols).from(reportSnapshots).leftJoin(users, eq(users.id, reportSnapshots.byUserId))
      .where(and(eq(reportSnapshots.reportId, reportId), eq(reportSnapshots.kind, "submitted"))).orderBy(desc(reportSnapshots.id)).limit(2),
  ]);
  return { approved: approved[0] ?? null, submitted };
}

/** Corrections already approved for this report (restatements), oldest first. */
export async function listReportCorrections(reportId: number) {
  const { db } = await getDatabase();
  return db
    .select({
      id: corrections.id,
      subject: corrections.subject,
      indicatorId: corrections.indicatorId,
      indicatorName: indicators.name,
      projectId: corrections.projectId,
      projectCode: projects.code,
      projectName: projects.name,
      oldValue: corrections.oldValue,
      oldNumerator: corrections.oldNumerator,
      oldDenominator: corrections.oldDenominator,
      newValue: corrections.newValue,
      newNumerator: corrections.newNumerator,
      newDenominator: corrections.newDenominator,
      reason: corrections.reason,
      reopenedAt: corrections.reopenedAt,
      approvedAt: corrections.approvedAt,
    })
    .from(corrections)
    .leftJoin(indicators, eq(indicators.id, corrections.indicatorId))
    .leftJoin(projects, eq(projects.id, corrections.projectId))
    .where(eq(corrections.reportId, reportId))
    .orderBy(asc(corrections.approvedAt), asc(corrections.id));
}
