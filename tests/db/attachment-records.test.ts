import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectUpload, sha256 } from "@/app/_lib/evidence/inspect";
import { deleteAttachment } from "@/db/mutations/attachment-delete";
import { insertAttachment, type StoredFile } from "@/db/mutations/attachments";
import { evidenceSettings } from "@/domain/evidence/settings";
import { freshDatabase, snapshot } from "../support/temp-db";

/*
 * Evidence on supervision orders and signings goes only on a record in the given district and in
 * a state that takes it; deleting checks the version and the record's month, keeps a blob another
 * attachment still uses, removes the rest, and audits the old values.
 */

const settings = evidenceSettings({});
let db: Awaited<ReturnType<typeof freshDatabase>>;
let ctx: { campaignId: number; d1: number; d2: number; project: number; actor: { id: number; name: string; clientAddress: string } };

async function one(sql: string, args: (string | number | null)[] = []) {
  return (await db.open.client.execute({ sql, args })).rows[0]!;
}
const run = (sql: string, args: (string | number | null)[] = []) => db.open.client.execute({ sql, args });
const count = async (sql: string, args: (string | number)[] = []) => Number((await one(sql, args)).n);

async function photo(color: string): Promise<StoredFile> {
  const jpeg = await sharp({ create: { width: 100, height: 80, channels: 3, background: color } }).jpeg().toBuffer();
  const r = await inspectUpload(jpeg, "p.jpg", settings);
  if (!r.ok || r.kind !== "photo") throw new Error("refused");
  return { ...r, fileSha256: sha256(r.file), thumbSha256: sha256(r.thumb) };
}
const meta = { caption: "", originalName: "p.jpg" };

async function order(districtId: number | null, departmentId: number | null, projectId: number | null, status = "open"): Promise<number> {
  const n = await count("select count(*) as n from supervision_orders");
  return Number(
    (
      await one(
        "insert into supervision_orders (campaign_id, code, subject_type, project_id, district_id, department_id, issue, requirement, deadline_on, status, issued_by) values (?, ?, ?, ?, ?, ?, '滞后', '整改', '2023-12-31', ?, ?) returning id",
        [ctx.campaignId, `DB-T-${n + 1}`, projectId ? "project" : "other", projectId, districtId, departmentId, status, ctx.actor.id],
      )
    ).id,
  );
}

beforeAll(async () => {
  db = await freshDatabase();
  const c = await one("insert into campaigns (slug, year, city_name, title, starts_on, ends_on) values ('t-2023', 2023, '测试市', '测试', '2023-01-01', '2023-12-31') returning id");
  const d1 = await one("insert into districts (code, name, kind) values ('d1', '甲区', 'district') returning id");
  const d2 = await one("insert into districts (code, name, kind) values ('d2', '乙区', 'district') returning id");
  const u = await one("insert into users (username, display_name, password_hash, role, district_id) values ('clerk', '填报员', 'x', 'district_editor', ?) returning id", [Number(d1.id)]);
  const p = await one("insert into projects (campaign_id, code, name, district_id, total_investment, annual_planned_investment) values (?, 'T-1', 'T-1', ?, 1000, 100) returning id", [Number(c.id), Number(d1.id)]);
  ctx = { campaignId: Number(c.id), d1: Number(d1.id), d2: Number(d2.id), project: Number(p.id), actor: { id: Number(u.id), name: "clerk", clientAddress: "test" } };
});
afterAll(() => db.cleanup());

describe("evidence on a supervision order", () => {
  it("takes the answer's files while the order can be answered, and the closure's only once it is answered", async () => {
    const o = await order(ctx.d1, null, null);
    const t = (subject: "order_answer" | "order_close") => ({ campaignId: ctx.campaignId, districtId: ctx.d1, subject, subjectId: o, month: null });
    expect(await insertAttachment(db.open, t("order_answer"), await photo("#102030"), meta, ctx.actor, settings.maxRecordBytes)).toMatchObject({ ok: true });
    expect(await insertAttachment(db.open, t("order_close"), await photo("#203040"), meta, ctx.actor, settings.maxRecordBytes)).toEqual({ ok: false, reason: "not-found" });
    await run("update supervision_orders set status = 'responded' where id = ?", [o]);
    expect(await insertAttachment(db.open, t("order_answer"), await photo("#304050"), meta, ctx.actor, settings.maxRecordBytes)).toEqual({ ok: false, reason: "not-found" });
    expect(await insertAttachment(db.open, t("order_close"), await photo("#203040"), meta, ctx.actor, settings.maxRecordBytes)).toMatchObject({ ok: true });
  });

  it("refuses a file filed under another district than the order's, and changes nothing", async () => {
    const o = await order(ctx.d1, null, null);
    const before = await snapshot(db.open);
    expect(await insertAttachment(db.open, { campaignId: ctx.campaignId, districtId: ctx.d2, subject: "order_answer", subjectId: o, month: null }, await photo("#405060"), meta, ctx.actor, settings.maxRecordBytes)).toEqual({ ok: false, reason: "not-found" });
    expect(await snapshot(db.open)).toBe(before);
  });

  it("files a department's order on a project under the project's district", async () => {
    const dept = Number((await one("insert into departments (code, name) values ('zrj', '自然资源局') returning id")).id);
    const o = await order(null, dept, ctx.project);
    expect(await insertAttachment(db.open, { campaignId: ctx.campaignId, districtId: ctx.d1, subject: "order_answer", subjectId: o, month: null }, await photo("#506070"), meta, ctx.actor, settings.maxRecordBytes)).toMatchObject({ ok: true });
  });
});

describe("evidence on a signing", () => {
  it("goes only on a signing of the given district", async () => {
    const s = Number((await one("insert into signings (campaign_id, district_id, name, amount, signed_on) values (?, ?, '签约甲', 200000, '2023-10-08') returning id", [ctx.campaignId, ctx.d1])).id);
    const t = (districtId: number) => ({ campaignId: ctx.campaignId, districtId, subject: "signing" as const, subjectId: s, month: null });
    expect(await insertAttachment(db.open, t(ctx.d2), await photo("#607080"), meta, ctx.actor, settings.maxRecordBytes)).toEqual({ ok: false, reason: "not-found" });
    expect(await insertAttachment(db.open, t(ctx.d1), await photo("#607080"), meta, ctx.actor, settings.maxRecordBytes)).toMatchObject({ ok: true });
  });
});

describe("deleting an attachment", () => {
  const onMonth = (month: string) => ({ campaignId: ctx.campaignId, districtId: ctx.d1, subject: "project_month" as const, subjectId: ctx.project, month });

  it("keeps the blob another attachment still uses, removes it with the last one, and audits the old values", async () => {
    const f = await photo("#708090");
    const a = await insertAttachment(db.open, onMonth("2023-10"), f, { caption: "基坑", originalName: "a.jpg" }, ctx.actor, settings.maxRecordBytes);
    const b = await insertAttachment(db.open, onMonth("2023-09"), f, meta, ctx.actor, settings.maxRecordBytes);
    if (!a.ok || !b.ok) throw new Error("setup");
    await run("insert into periods (campaign_id, month, due_on) values (?, '2023-10', '2023-11-05'), (?, '2023-09', '2023-10-05')", [ctx.campaignId, ctx.campaignId]);
    const blobs = () => count("select count(*) as n from blobs where sha256 in (?, ?)", [f.fileSha256, f.thumbSha256!]);
    expect(await deleteAttachment(db.open, { id: a.id, expectedVersion: 1, month: "2023-10" }, ctx.actor)).toMatchObject({ ok: true });
    expect(await blobs()).toBe(2);
    const audit = await one("select before, after from audit_events where action = 'attachment.delete' and entity_id = ?", [String(a.id)]);
    expect(JSON.parse(String(audit.before))).toMatchObject({ subject: "project_month", month: "2023-10", caption: "基坑", originalName: "a.jpg", sha256: f.fileSha256 });
    expect(audit.after).toBeNull();
    expect(await deleteAttachment(db.open, { id: b.id, expectedVersion: 1, month: "2023-09" }, ctx.actor)).toMatchObject({ ok: true });
    expect(await blobs()).toBe(0);
    expect(await count("select count(*) as n from attachments where id in (?, ?)", [a.id, b.id])).toBe(0);
  });

  it("refuses a version the user did not see, and an approved or locked month, changing nothing", async () => {
    const a = await insertAttachment(db.open, onMonth("2023-10"), await photo("#8090a0"), meta, ctx.actor, settings.maxRecordBytes);
    if (!a.ok) throw new Error("setup");
    const before = await snapshot(db.open);
    expect(await deleteAttachment(db.open, { id: a.id, expectedVersion: 2, month: "2023-10" }, ctx.actor)).toEqual({ ok: false, reason: "conflict", version: 1 });
    expect(await snapshot(db.open)).toBe(before);
    const period = Number((await one("select id from periods where month = '2023-10'")).id);
    await run("insert into monthly_reports (period_id, district_id, status) values (?, ?, 'approved')", [period, ctx.d1]);
    const approved = await snapshot(db.open);
    expect(await deleteAttachment(db.open, { id: a.id, expectedVersion: 1, month: "2023-10" }, ctx.actor)).toEqual({ ok: false, reason: "closed" });
    expect(await snapshot(db.open)).toBe(approved);
    await run("update monthly_reports set status = 'returned' where period_id = ?", [period]);
    await run("update periods set locked = 1 where id = ?", [period]);
    const locked = await snapshot(db.open);
    expect(await deleteAttachment(db.open, { id: a.id, expectedVersion: 1, month: "2023-10" }, ctx.actor)).toEqual({ ok: false, reason: "closed" });
    expect(await snapshot(db.open)).toBe(locked);
  });

  it("refuses an order's answer file once the order has been answered", async () => {
    const o = await order(ctx.d1, null, null);
    const a = await insertAttachment(db.open, { campaignId: ctx.campaignId, districtId: ctx.d1, subject: "order_answer", subjectId: o, month: null }, await photo("#90a0b0"), meta, ctx.actor, settings.maxRecordBytes);
    if (!a.ok) throw new Error("setup");
    await run("update supervision_orders set status = 'responded' where id = ?", [o]);
    expect(await deleteAttachment(db.open, { id: a.id, expectedVersion: 1, month: null }, ctx.actor)).toEqual({ ok: false, reason: "closed" });
    expect(await count("select count(*) as n from attachments where id = ?", [a.id])).toBe(1);
  });
});
