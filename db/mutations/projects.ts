/**
 * The project register (its monthly investment: project-progress.ts). Every function runs in one write transaction
 * with its audit rows; updates carry the version the form was loaded with and the district the
 * caller was authorised for in their WHERE clause. Callers must have passed requirePermission
 * ("record.edit") for the project's district, with the month's state where a month is touched.
 */
import { and, eq, sql } from "drizzle-orm";
import type { OpenDatabase, Tx } from "../client";
import { projects, users, type PROJECT_STAGES } from "../schema";
import { diff, insertAuditEvent } from "./audit";

import type { Actor } from "@/domain/actor";
import type { Outcome, Refused } from "@/domain/outcome";

/** Re-exported for db/mutations/attachments.ts only (another engineer's area): everything else imports domain/actor. */
export type { Actor } from "@/domain/actor";

/** Who last changed a record and when, with the record as it is now: what a conflict message shows. */
export interface Current<T> {
  row: T;
  updatedByName: string | null;
  updatedAt: string;
}

export type ProjectOutcome<T = void, C = RegisterFields> = Outcome<T, Refused<"not-found" | "duplicate"> | Refused<"conflict", { current: Current<C> }>>;

export type RegisterFields = {
  code: string;
  name: string;
  sectorId: number | null;
  actionId: number | null;
  owner: string;
  totalInvestment: number;
  annualPlannedInvestment: number;
  plannedStartOn: string | null;
  plannedCompletionOn: string | null;
  isKey: boolean;
  isPublic: boolean;
  description: string;
  /** WGS 84 degrees, both or neither (checked by the form schema). */
  longitude: number | null;
  latitude: number | null;
};

export type StageFields = {
  stage: (typeof PROJECT_STAGES)[number];
  actualStartOn: string | null;
  actualCompletionOn: string | null;
};

const nowIso = () => new Date().toISOString();

const registerColumns = {
  code: projects.code,
  name: projects.name,
  sectorId: projects.sectorId,
  actionId: projects.actionId,
  owner: projects.owner,
  totalInvestment: projects.totalInvestment,
  annualPlannedInvestment: projects.annualPlannedInvestment,
  plannedStartOn: projects.plannedStartOn,
  plannedCompletionOn: projects.plannedCompletionOn,
  isKey: projects.isKey,
  isPublic: projects.isPublic,
  description: projects.description,
  longitude: projects.longitude,
  latitude: projects.latitude,
};

const stageColumns = { stage: projects.stage, actualStartOn: projects.actualStartOn, actualCompletionOn: projects.actualCompletionOn };

async function codeTaken(tx: Tx, campaignId: number, code: string, exceptId?: number): Promise<boolean> {
  const rows = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.campaignId, campaignId), eq(projects.code, code)));
  return rows.some((r) => r.id !== exceptId);
}

/** Adds a project to a campaign's register in `districtId`; a code already used in the campaign is refused. */
export async function insertProject(open: OpenDatabase, campaignId: number, districtId: number, f: RegisterFields, actor: Actor): Promise<ProjectOutcome<number>> {
  return open.write(async (tx) => {
    if (await codeTaken(tx, campaignId, f.code)) return { ok: false, reason: "duplicate" };
    const [row] = await tx
      .insert(projects)
      .values({ ...f, campaignId, districtId, stage: "preparing", updatedBy: actor.id })
      .returning({ id: projects.id });
    await insertAuditEvent(tx, {
      actorUserId: actor.id,
      actorName: actor.name,
      action: "project.create",
      entity: "project",
      entityId: row!.id,
      districtId,
      after: { ...f, districtId, stage: "preparing" },
      clientAddress: actor.clientAddress,
    });
    return { ok: true, value: row!.id };
  });
}

/** The project as it is now, with who last changed it (inside the caller's transaction). */
async function currentProject<C extends Record<string, unknown>>(tx: Tx, id: number, districtId: number, columns: { [K in keyof C]: unknown }) {
  const rows = await tx
    .select({ ...(columns as Record<string, typeof projects.id>), version: projects.version, updatedAt: projects.updatedAt, updatedByName: users.displayName })
    .from(projects)
    .leftJoin(users, eq(users.id, projects.updatedBy))
    .where(and(eq(projects.id, id), eq(projects.districtId, districtId)));
  const r = rows[0] as (C & { version: number; updatedAt: string; updatedByName: string | null }) | undefined;
  if (!r) return null;
  const { version, updatedAt, updatedByName, ...row } = r;
  return { version, current: { row: row as unknown as C, updatedByName, updatedAt } };
}

async function updateProjectColumns<C extends Record<string, unknown>>(
  open: OpenDatabase,
  opts: { id: number; districtId: number; campaignId: number; expectedVersion: number; next: C; columns: { [K in keyof C]: unknown }; action: string },
  actor: Actor,
): Promise<ProjectOutcome<void, C>> {
  return open.write(async (tx) => {
    const found = await currentProject<C>(tx, opts.id, opts.districtId, opts.columns);
    if (!found) return { ok: false, reason: "not-found" };
    if (found.version !== opts.expectedVersion) return { ok: false, reason: "conflict", current: found.current };
    const code = (opts.next as { code?: unknown }).code;
    if (typeof code === "string" && (await codeTaken(tx, opts.campaignId, code, opts.id))) return { ok: false, reason: "duplicate" };
    const change = diff(found.current.row, opts.next);
    if (Object.keys(change.after).length === 0) return { ok: true, value: undefined };
    const updated = await tx
      .update(projects)
      .set({ ...change.after, version: sql`${projects.version} + 1`, updatedBy: actor.id, updatedAt: nowIso() })
      .where(and(eq(projects.id, opts.id), eq(projects.districtId, opts.districtId), eq(projects.version, opts.expectedVersion)))
      .returning({ id: projects.id });
    if (updated.length !== 1) return { ok: false, reason: "conflict", current: found.current };
    await insertAuditEvent(tx, {
      actorUserId: actor.id,
      actorName: actor.name,
      action: opts.action,
      entity: "project",
      entityId: opts.id,
      districtId: opts.districtId,
      ...change,
      clientAddress: actor.clientAddress,
    });
    return { ok: true, value: undefined };
  });
}

/** Changes register fields not tied to a month (name, owner, amounts, plan dates, flags). */
export async function updateProjectRegister(
  open: OpenDatabase,
  target: { id: number; districtId: number; campaignId: number; expectedVersion: number },
  f: RegisterFields,
  actor: Actor,
): Promise<ProjectOutcome<void, RegisterFields>> {
  return updateProjectColumns(open, { ...target, next: f, columns: registerColumns, action: "project.update" }, actor);
}

/**
 * Changes the stage and the actual start / completion dates. The caller has checked that the
 * stage and dates agree and that the month of every changed date is editable.
 */
export async function updateProjectStage(
  open: OpenDatabase,
  target: { id: number; districtId: number; campaignId: number; expectedVersion: number },
  f: StageFields,
  actor: Actor,
): Promise<ProjectOutcome<void, StageFields>> {
  return updateProjectColumns(open, { ...target, next: f, columns: stageColumns, action: "project.stage" }, actor);
}
