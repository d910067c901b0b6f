import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectUpload, sha256 } from "@/app/_lib/evidence/inspect";
import { insertAttachment, updateAttachmentPublic, type StoredFile } from "@/db/mutations/attachments";
import { evidenceSettings } from "@/domain/evidence/settings";
import { freshDatabase, snapshot } from "../support/temp-db";

/*
 * Attachments are stored content-addressed (one blob per distinct file), within the record's
 * size limit, never twice on one record, only on a record of the given district, and each
 * stored attachment leaves an audit row; a refused one leaves the database as it was.
 */

const settings = evidenceSettings({});
let db: Awaited<ReturnType<typeof freshDatabase>>;
let ctx: { campaignId: number; districtId: number; otherDistrictId: number; projectA: number; projectB: number; actor: { id: number; name: string; clientAddress: string } };

async function one(sql: string, args: (string | number)[] = []) {
  return (await db.open.client.execute({ sql, args })).rows[0]!;
}

async function stored(color: string): Promise<StoredFile> {
  const jpeg = await sharp({ create: { width: 120, height: 90, channels: 3, background: color } }).jpeg().toBuffer();
  const r = await inspectUpload(jpeg, "p.jpg", settings);
  if (!r.ok || r.kind !== "photo") throw new Error("refused");
  return { ...r, fileSha256: sha256(r.file), thumbSha256: sha256(r.thumb) };
}

const target = (projectId: number, month = "2023-10", districtId = ctx.districtId) => ({ campaignId: ctx.campaignId, districtId, subject: "project_month" as const, subjectId: projectId, month });
const count = async (table: string) => Number((await one(`select count(*) as n from ${table}`)).n);

beforeAll(async () => {
  db = await freshDatabase();
  const c = await one("insert into campaigns (slug, year, city_name, title, starts_on, ends_on) values ('t-2023', 2023, '测试市', '测试', '2023-01-01', '2023-12-31') returning id");
  const d1 = await one("insert into districts (code, name, kind) values ('d1', '甲区', 'district') returning id");
  const d2 = await one("insert into districts (code, name, kind) values ('d2', '乙区', 'district') returning id");
  const u = await one("insert into users (username, display_name, password_hash, role, district_id) values ('clerk', '填报员', 'x', 'district_editor', ?) returning id", [Number(d1.id)]);
  const p = async (code: string) => Number((await one("insert into projects (campaign_id, code, name, district_id, total_investment, annual_planned_investment) values (?, ?, ?, ?, 1000, 100) returning id", [Number(c.id), code, code, Number(d1.id)])).id);
  ctx = { campaignId: Number(c.id), districtId: Number(d1.id), otherDistrictId: Number(d2.id), projectA: await p("T-1"), projectB: await p("T-2"), actor: { id: Number(u.id), name: "clerk", clientAddress: "test" } };
});
afterAll(() => db.cleanup());

describe("attaching files to a project's month", () => {
  it("stores the same file once however many records use it, and audits each attachment", async () => {
    const f = await stored("#336699");
    expect(await insertAttachment(db.open, target(ctx.projectA), f, { caption: "基坑", originalName: "a.jpg" }, ctx.actor, settings.maxRecordBytes)).toMatchObject({ ok: true });
    expect(await insertAttachment(db.open, target(ctx.projectB), f, { caption: "同一张", originalName: "a.jpg" }, ctx.actor, settings.maxRecordBytes)).toMatchObject({ ok: true });
    expect(await count("attachments")).toBe(2);
    expect(await count("blobs")).toBe(2); // the photo and its thumbnail, once each
    const audit = await db.open.client.execute("select action, entity, district_id, after from audit_events where entity = 'attachment' order by id");
    expect(audit.rows.map((r) => r.action)).toEqual(["attachment.add", "attachment.add"]);
    expect(JSON.parse(String(audit.rows[0]!.after))).toMatchObject({ subject: "project_month", month: "2023-10", caption: "基坑", sha256: f.fileSha256 });
  });

  it("refuses the same upload twice on one month, and changes nothing", async () => {
    const before = await snapshot(db.open);
    expect(await insertAttachment(db.open, target(ctx.projectA), await stored("#336699"), { caption: "", originalName: "again.jpg" }, ctx.actor, settings.maxRecordBytes)).toEqual({ ok: false, reason: "duplicate" });
    expect(await snapshot(db.open)).toBe(before);
  });

  it("refuses a project of another district (a forged id), and changes nothing", async () => {
    const before = await snapshot(db.open);
    expect(await insertAttachment(db.open, target(ctx.projectA, "2023-10", ctx.otherDistrictId), await stored("#aa0000"), { caption: "", originalName: "x.jpg" }, ctx.actor, settings.maxRecordBytes)).toEqual({ ok: false, reason: "not-found" });
    expect(await snapshot(db.open)).toBe(before);
  });

  it("refuses a file that would take the month past its total size limit", async () => {
    const used = Number((await one("select sum(byte_size) as n from attachments where subject_id = ? and month = '2023-10'", [ctx.projectA])).n);
    const f = await stored("#00aa00");
    const before = await snapshot(db.open);
    expect(await insertAttachment(db.open, target(ctx.projectA), f, { caption: "", originalName: "y.jpg" }, ctx.actor, used + f.file.length - 1)).toEqual({ ok: false, reason: "record-full", usedBytes: used });
    expect(await snapshot(db.open)).toBe(before);
    expect(await insertAttachment(db.open, target(ctx.projectA, "2023-09"), f, { caption: "", originalName: "y.jpg" }, ctx.actor, used + f.file.length - 1)).toMatchObject({ ok: true });
  });

  it("publishing checks the version the office saw and records old and new values", async () => {
    const { id, version } = await one("select id, version from attachments order by id limit 1");
    expect(await updateAttachmentPublic(db.open, { id: Number(id), expectedVersion: Number(version) + 1 }, true, ctx.actor)).toEqual({ ok: false, reason: "conflict", current: { isPublic: false, version: Number(version) } });
    expect(await updateAttachmentPublic(db.open, { id: Number(id), expectedVersion: Number(version) }, true, ctx.actor)).toEqual({ ok: true });
    expect(Number((await one("select is_public from attachments where id = ?", [Number(id)])).is_public)).toBe(1);
    const a = await one("select before, after from audit_events where action = 'attachment.publish'");
    expect([JSON.parse(String(a.before)), JSON.parse(String(a.after))]).toEqual([{ isPublic: false }, { isPublic: true }]);
  });
});

describe("attaching files to a problem", () => {
  it("takes evidence when reported at once, and proof of resolution only once the problem is resolved", async () => {
    const pr = Number(
      (await one("insert into problems (campaign_id, project_id, district_id, type, description, responsible_unit, opened_on) values (?, ?, ?, 'land_approval', '用地报批', '自然资源局', '2023-10-02') returning id", [ctx.campaignId, ctx.projectA, ctx.districtId])).id,
    );
    const t = (subject: "problem" | "problem_resolution") => ({ campaignId: ctx.campaignId, districtId: ctx.districtId, subject, subjectId: pr, month: subject === "problem" ? null : "2023-10" });
    expect(await insertAttachment(db.open, t("problem"), await stored("#123456"), { caption: "现场", originalName: "a.jpg" }, ctx.actor, settings.maxRecordBytes)).toMatchObject({ ok: true });
    expect(await insertAttachment(db.open, t("problem_resolution"), await stored("#654321"), { caption: "", originalName: "b.jpg" }, ctx.actor, settings.maxRecordBytes)).toEqual({ ok: false, reason: "not-found" });
    await db.open.client.execute({ sql: "update problems set status = 'resolved', resolved_on = '2023-10-20' where id = ?", args: [pr] });
    expect(await insertAttachment(db.open, t("problem_resolution"), await stored("#654321"), { caption: "", originalName: "b.jpg" }, ctx.actor, settings.maxRecordBytes)).toMatchObject({ ok: true });
  });
});
