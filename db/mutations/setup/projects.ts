/**
 * Import of the city's key-project list into a campaign: all-or-nothing in one transaction,
 * matched by project code (importing again updates instead of duplicating), with batched
 * inserts so about a thousand rows take a few seconds. Callers must have checked
 * `campaign.manage` and validated each row (app/_lib/excel/projects-import.ts).
 *
 * Audit: one row per created or changed project (old and new values), inserted in batches,
 * plus one summary row for the import.
 */
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { OpenDatabase, Tx } from "../../client";
import { auditEvents, monthlyReports, periods, problems, projectProgress, projects, type ProjectKeyLevel, type PROJECT_STAGES } from "../../schema";
import { isKeyLevel, stageDateProblems } from "@/domain/project-register";
import { insertAuditEvent } from "../audit";
import type { Actor } from "@/domain/actor";
import type { Refused } from "@/domain/outcome";
import { nowIso, writableCampaign, type SetupOutcome } from "./common";

/** One validated row. Optional fields are undefined when the sheet has no such column (kept as they are). */
export interface ProjectImportRow {
  line: number;
  code: string;
  name: string;
  districtId: number;
  sectorId?: number | null;
  actionId?: number | null;
  owner?: string;
  totalInvestment: number;
  annualPlannedInvestment: number;
  plannedStartOn?: string | null;
  plannedCompletionOn?: string | null;
  actualStartOn?: string | null;
  actualCompletionOn?: string | null;
  stage?: (typeof PROJECT_STAGES)[number];
  keyLevel?: ProjectKeyLevel;
  /** WGS 84 degrees, both or neither (checked by the reader); undefined when the sheet has no 经度/纬度 columns. */
  longitude?: number | null;
  latitude?: number | null;
}

export const IMPORTED_FIELDS = [
  "name", "districtId", "sectorId", "actionId", "owner", "totalInvestment", "annualPlannedInvestment", "plannedStartOn", "plannedCompletionOn",
  "stage", "actualStartOn", "actualCompletionOn", "keyLevel", "longitude", "latitude",
] as const;
export type ImportedField = (typeof IMPORTED_FIELDS)[number];

export interface ProjectChange {
  code: string;
  name: string;
  changes: { field: ImportedField; before: string | number | null; after: string | number | null }[];
}

export interface ImportSummary {
  created: number;
  updated: ProjectChange[];
  unchanged: number;
}

export type ImportOutcome = SetupOutcome<ImportSummary> | Refused<"rows", { errors: { line: number; message: string }[] }>;

const CHUNK = 50;

export async function importProjects(open: OpenDatabase, campaignId: number, rows: ProjectImportRow[], actor: Actor): Promise<ImportOutcome> {
  return open.write(async (tx) => {
    const blocked = await writableCampaign(tx, campaignId);
    if (blocked) return blocked;
    const existing = await tx
      .select({
        id: projects.id, code: projects.code, name: projects.name, districtId: projects.districtId, sectorId: projects.sectorId, actionId: projects.actionId, owner: projects.owner,
        totalInvestment: projects.totalInvestment, annualPlannedInvestment: projects.annualPlannedInvestment, plannedStartOn: projects.plannedStartOn, plannedCompletionOn: projects.plannedCompletionOn,
        stage: projects.stage, actualStartOn: projects.actualStartOn, actualCompletionOn: projects.actualCompletionOn, keyLevel: projects.keyLevel, longitude: projects.longitude, latitude: projects.latitude, version: projects.version,
      })
      .from(projects)
      .where(eq(projects.campaignId, campaignId));
    const byCode = new Map(existing.map((p) => [p.code, p]));
    const inserts: ProjectImportRow[] = [];
    const updates: { id: number; version: number; districtMoved: boolean; line: number; patch: Partial<Record<ImportedField, unknown>>; change: ProjectChange }[] = [];
    let unchanged = 0;
    const dateErrors: { line: number; message: string }[] = [];
    const official = await officialMonths(tx, campaignId);
    /** Published 新开工/建成 counts change only through a correction of the month, never by import. */
    const touchesPublished = (line: number, code: string, districtId: number, dates: (string | null | undefined)[]) => {
      const months = [...new Set(dates.filter((d): d is string => !!d).map((d) => d.slice(0, 7)))].filter((m) => official.has(`${districtId}|${m}`));
      if (months.length > 0) dateErrors.push({ line, message: `项目“${code}”：${months.join("、")} 已审核发布，不能通过导入改动该月的实际开工或竣工日期；请先在审核台重新打开该区县该月` });
    };
    for (const r of rows) {
      const cur = byCode.get(r.code);
      if (!cur) {
        // Without a stage column the stage follows the actual dates.
        const stage = r.stage ?? (r.actualCompletionOn ? "completed" : r.actualStartOn ? "under_construction" : "preparing");
        const problemsFound = stageDateProblems(stage, r.actualStartOn ?? null, r.actualCompletionOn ?? null);
        if (problemsFound.length > 0) dateErrors.push({ line: r.line, message: problemsFound.join("；") });
        touchesPublished(r.line, r.code, r.districtId, [r.actualStartOn, r.actualCompletionOn]);
        inserts.push({ ...r, stage });
        continue;
      }
      const patch: Partial<Record<ImportedField, unknown>> = {};
      const change: ProjectChange = { code: r.code, name: r.name, changes: [] };
      for (const f of IMPORTED_FIELDS) {
        const next = r[f];
        if (next === undefined || next === cur[f]) continue;
        patch[f] = next;
        change.changes.push({ field: f, before: cur[f], after: next });
      }
      const merged = { stage: r.stage ?? cur.stage, start: r.actualStartOn === undefined ? cur.actualStartOn : r.actualStartOn, completion: r.actualCompletionOn === undefined ? cur.actualCompletionOn : r.actualCompletionOn };
      if ("stage" in patch || "actualStartOn" in patch || "actualCompletionOn" in patch) {
        const problemsFound = stageDateProblems(merged.stage, merged.start, merged.completion);
        if (problemsFound.length > 0) dateErrors.push({ line: r.line, message: problemsFound.join("；") });
        touchesPublished(r.line, r.code, cur.districtId, [
          ...("actualStartOn" in patch ? [cur.actualStartOn, merged.start] : []),
          ...("actualCompletionOn" in patch ? [cur.actualCompletionOn, merged.completion] : []),
        ]);
      }
      if (change.changes.length === 0) unchanged++;
      else updates.push({ id: cur.id, version: cur.version, districtMoved: "districtId" in patch, line: r.line, patch, change });
    }

    if (dateErrors.length > 0) return { ok: false, reason: "rows", errors: dateErrors.sort((a, b) => a.line - b.line) };

    // Moving a project in or out of the 市重点 list would restate published key-project investment.
    const relevelled = updates.filter((u) => "keyLevel" in u.patch && isKeyLevel(u.patch.keyLevel as ProjectKeyLevel) !== isKeyLevel(u.change.changes.find((c) => c.field === "keyLevel")!.before as ProjectKeyLevel));
    if (relevelled.length > 0) {
      const ids = relevelled.map((u) => u.id);
      const published = new Set((await tx.select({ id: projectProgress.projectId }).from(projectProgress).where(and(inArray(projectProgress.projectId, ids), isNotNull(projectProgress.approvedInvestment)))).map((r) => r.id));
      const errors = relevelled.filter((u) => published.has(u.id)).map((u) => ({ line: u.line, message: `项目“${u.change.code}”已有审核发布的完成投资，不能通过导入改变是否市重点` }));
      if (errors.length > 0) return { ok: false, reason: "rows", errors };
    }

    // A project whose monthly investment or problems were reported by one district cannot move to another by import.
    const moved = updates.filter((u) => u.districtMoved);
    if (moved.length > 0) {
      const ids = moved.map((u) => u.id);
      const withProgress = new Set((await tx.select({ id: projectProgress.projectId }).from(projectProgress).where(inArray(projectProgress.projectId, ids))).map((r) => r.id));
      const withProblems = new Set((await tx.select({ id: problems.projectId }).from(problems).where(inArray(problems.projectId, ids))).map((r) => r.id));
      const errors = moved.filter((u) => withProgress.has(u.id) || withProblems.has(u.id)).map((u) => ({ line: u.line, message: `项目“${u.change.code}”已有区县填报的进度或难题，不能通过导入改变所属区县` }));
      if (errors.length > 0) return { ok: false, reason: "rows", errors };
    }

    const at = nowIso();
    const audits: (typeof auditEvents.$inferInsert)[] = [];
    for (let i = 0; i < inserts.length; i += CHUNK) {
      const chunk = inserts.slice(i, i + CHUNK).map((r) => ({
        campaignId, code: r.code, name: r.name, districtId: r.districtId, sectorId: r.sectorId ?? null, actionId: r.actionId ?? null, owner: r.owner ?? "",
        totalInvestment: r.totalInvestment, annualPlannedInvestment: r.annualPlannedInvestment, plannedStartOn: r.plannedStartOn ?? null, plannedCompletionOn: r.plannedCompletionOn ?? null,
        stage: r.stage ?? "preparing", actualStartOn: r.actualStartOn ?? null, actualCompletionOn: r.actualCompletionOn ?? null,
        keyLevel: r.keyLevel ?? "city", isKey: isKeyLevel(r.keyLevel ?? "city"), longitude: r.longitude ?? null, latitude: r.latitude ?? null,
        updatedBy: actor.id,
      }));
      const ids = await tx.insert(projects).values(chunk).returning({ id: projects.id });
      chunk.forEach((p, k) => audits.push({ actorUserId: actor.id, actorName: actor.name, action: "project.import_create", entity: "project", entityId: String(ids[k]!.id), districtId: p.districtId, after: p, clientAddress: actor.clientAddress }));
    }
    for (const u of updates) {
      const done = await tx
        .update(projects)
        .set({ ...(u.patch as Partial<typeof projects.$inferInsert>), ...("keyLevel" in u.patch ? { isKey: isKeyLevel(u.patch.keyLevel as ProjectKeyLevel) } : {}), updatedBy: actor.id, updatedAt: at, version: sql`${projects.version} + 1` })
        .where(and(eq(projects.id, u.id), eq(projects.version, u.version)))
        .returning({ id: projects.id, districtId: projects.districtId });
      if (done.length !== 1) throw new Error(`project ${u.id} changed during import`);
      audits.push({
        actorUserId: actor.id, actorName: actor.name, action: "project.import_update", entity: "project", entityId: String(u.id), districtId: done[0]!.districtId,
        before: Object.fromEntries(u.change.changes.map((c) => [c.field, c.before])), after: Object.fromEntries(u.change.changes.map((c) => [c.field, c.after])), clientAddress: actor.clientAddress,
      });
    }
    for (let i = 0; i < audits.length; i += CHUNK) await tx.insert(auditEvents).values(audits.slice(i, i + CHUNK));
    const summary = { created: inserts.length, updated: updates.map((u) => u.change), unchanged };
    await insertAuditEvent(tx, {
      actorUserId: actor.id, actorName: actor.name, action: "project.import", entity: "campaign", entityId: campaignId,
      after: { rows: rows.length, created: summary.created, updated: summary.updated.length, unchanged }, clientAddress: actor.clientAddress,
    });
    return { ok: true, value: summary };
  });
}

/** "districtId|YYYY-MM" of every district-month of the campaign whose report is official (published). */
async function officialMonths(tx: Tx, campaignId: number): Promise<Set<string>> {
  const rows = await tx
    .select({ districtId: monthlyReports.districtId, month: periods.month })
    .from(monthlyReports)
    .innerJoin(periods, eq(periods.id, monthlyReports.periodId))
    .where(and(eq(periods.campaignId, campaignId), eq(monthlyReports.official, true)));
  return new Set(rows.map((r) => `${r.districtId}|${r.month}`));
}
