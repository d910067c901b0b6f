import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectUpload, sha256 } from "@/app/_lib/evidence/inspect";
import { deleteAttachment } from "@/db/mutations/attachment-delete";
import { insertAttachment, updateAttachmentPublic, type StoredFile } from "@/db/mutations/attachments";
import { evidenceSettings } from "@/domain/evidence/settings";
import { freshDatabase, snapshot } from "../support/temp-db";

/*
 * Evidence on supervision orders and signings goes only on a record in the given district and in
 * a state that takes it; deleting checks the version and the record's month, keeps a blob another
 * attachment still uses, removes the rest, and audits the old values.
 */

const settings = evidenceSettings({});
let db: Awaited<ReturnType<typeof freshDatabase>>;
let ctx: { campaignId: number; d1: number; d2: number; dept: number; project: number; actor: { id: number; name: string; clientAddress: string } };

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
const PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
async function pdf(): Promise<StoredFile> {
  const r = await inspectUpload(Buffer.from(PDF, "latin1"), "说明.pdf", settings);
  if (!r.ok || r.kind !== "document") throw new Error("refused");
  return { kind: "document", mime: r.mime, originalSha256: r.originalSha256, file: r.file, fileSha256: sha256(r.file), thumb: null, thumbSha256: null, width: null, height: null, takenAt: null, gps: null, phash: null };
}

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
  const dept = await one("insert into departments (code, name) values ('zrj', '自然资源局') returning id");
  ctx = { campaignId: Number(c.id), d1: Number(d1.id), d2: Number(d2.id), dept: Number(dept.id), project: Number(p.id), actor: { id: Number(u.id), name: "clerk", clientAddress: "test" } };
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

  it("files a department's order on a project under the department and the project's district", async () => {
    const o = await order(null, ctx.dept, ctx.project);
    const t = (departmentId: number | null) => ({ campaignId: ctx.campaignId, districtId: ctx.d1, departmentId, subject: "order_answer" as const, subjectId: o, month: null });
    expect(await insertAttachment(db.open, t(null), await photo("#506070"), meta, ctx.actor, settings.maxRecordBytes)).toEqual({ ok: false, reason: "not-found" });
    const a = await insertAttachment(db.open, t(ctx.dept), await photo("#506070"), meta, ctx.actor, settings.maxRecordBytes);
    if (!a.ok) throw new Error("refused");
    expect(await one("select district_id, department_id from attachments where id = ?", [a.value])).toMatchObject({ district_id: ctx.d1, department_id: ctx.dept });
  });
});

describe("evidence on a department's order about an indicator (no district)", () => {
  const onOrder = (o: number, departmentId: number | null, districtId: number | null = null, subject: "order_answer" | "order_close" = "order_answer") => ({ campaignId: ctx.campaignId, districtId, departmentId, subject, subjectId: o, month: null });

  it("is filed under the department alone: answered with a PDF, closed with a photo", async () => {
    const o = await order(null, ctx.dept, null);
    const answer = await insertAttachment(db.open, onOrder(o, ctx.dept), await pdf(), { caption: "说明", originalName: "说明.pdf" }, ctx.actor, settings.maxRecordBytes);
    if (!answer.ok) throw new Error("refused");
    expect(await one("select district_id, department_id, kind from attachments where id = ?", [answer.value])).toMatchObject({ district_id: null, department_id: ctx.dept, kind: "document" });
    expect(await one("select district_id from audit_events where action = 'attachment.add' and entity_id = ?", [String(answer.value)])).toMatchObject({ district_id: null });
    await run("update supervision_orders set status = 'responded' where id = ?", [o]);
    expect(await insertAttachment(db.open, onOrder(o, ctx.dept, null, "order_close"), await photo("#a0b0c0"), meta, ctx.actor, settings.maxRecordBytes)).toMatchObject({ ok: true });
  });

  it("refuses another department, a district, and no owner at all, storing nothing", async () => {
    const o = await order(null, ctx.dept, null);
    const other = Number((await one("insert into departments (code, name) values ('swj', '商务局') returning id")).id);
    const before = await snapshot(db.open);
    for (const t of [onOrder(o, other), onOrder(o, null, ctx.d1), onOrder(o, ctx.dept, ctx.d1), onOrder(o, null)]) {
      expect(await insertAttachment(db.open, t, await photo("#b0c0d0"), meta, ctx.actor, settings.maxRecordBytes)).toEqual({ ok: false, reason: "not-found" });
    }
    expect(await snapshot(db.open)).toBe(before);
  });

  it("is deleted by its owner while the order can be answered, audited without a district; not once answered", async () => {
    const o = await order(null, ctx.dept, null);
    const [a, b] = [await insertAttachment(db.open, onOrder(o, ctx.dept), await photo("#c0d0e0"), meta, ctx.actor, settings.maxRecordBytes), await insertAttachment(db.open, onOrder(o, ctx.dept), await photo("#d0e0f0"), meta, ctx.actor, settings.maxRecordBytes)];
    if (!a.ok || !b.ok) throw new Error("setup");
    expect(await deleteAttachment(db.open, { id: a.value, expectedVersion: 1, month: null }, ctx.actor)).toMatchObject({ ok: true, value: { subject: "order_answer" } });
    expect(await one("select district_id, before from audit_events where action = 'attachment.delete' and entity_id = ?", [String(a.value)])).toMatchObject({ district_id: null });
    await run("update supervision_orders set status = 'responded' where id = ?", [o]);
    expect(await deleteAttachment(db.open, { id: b.value, expectedVersion: 1, month: null }, ctx.actor)).toEqual({ ok: false, reason: "closed" });
    expect(await count("select count(*) as n from attachments where id = ?", [b.value])).toBe(1);
  });

  it("cannot be made public: only a project month's photo can", async () => {
    const o = await order(null, ctx.dept, null);
    const a = await insertAttachment(db.open, onOrder(o, ctx.dept), await photo("#e0f0a0"), meta, ctx.actor, settings.maxRecordBytes);
    if (!a.ok) throw new Error("setup");
    expect(await updateAttachmentPublic(db.open, { id: a.value, expectedVersion: 1 }, true, ctx.actor)).toEqual({ ok: false, reason: "not-found" });
    expect(await one("select is_public from attachments where id = ?", [a.value])).toMatchObject({ is_public: 0 });
  });

  it("the database itself refuses a file with no owner, or a district's record without a district", async () => {
    const sha = String((await one("select file_sha256 from attachments limit 1")).file_sha256);
    const insert = (districtId: number | null, departmentId: number | null, subject: string) =>
      run("insert into attachments (campaign_id, district_id, department_id, subject, subject_id, kind, original_sha256, file_sha256, mime, byte_size) values (?, ?, ?, ?, 1, 'photo', 'x', ?, 'image/jpeg', 1)", [ctx.campaignId, districtId, departmentId, subject, sha]);
    await expect(insert(null, null, "order_answer")).rejects.toThrow(/attachments_owner_ck|CHECK/);
    await expect(insert(null, ctx.dept, "project_month")).rejects.toThrow(/attachments_district_ck|CHECK/);
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
    expect(await deleteAttachment(db.open, { id: a.value, expectedVersion: 1, month: "2023-10" }, ctx.actor)).toMatchObject({ ok: true });
    expect(await blobs()).toBe(2);
    const audit = await one("select before, after from audit_events where action = 'attachment.delete' and entity_id = ?", [String(a.value)]);
    expect(JSON.parse(String(audit.before))).toMatchObject({ subject: "project_month", month: "2023-10", caption: "基坑", originalName: "a.jpg", sha256: f.fileSha256 });
    expect(audit.after).toBeNull();
    expect(await deleteAttachment(db.open, { id: b.value, expectedVersion: 1, month: "2023-09" }, ctx.actor)).toMatchObject({ ok: true });
    expect(await blobs()).toBe(0);
    expect(await count("select count(*) as n from attachments where id in (?, ?)", [a.value, b.value])).toBe(0);
  });

  it("refuses a version the user did not see, and an approved or locked month, changing nothing", async () => {
    const a = await insertAttachment(db.open, onMonth("2023-10"), await photo("#8090a0"), meta, ctx.actor, settings.maxRecordBytes);
    if (!a.ok) throw new Error("setup");
    const before = await snapshot(db.open);
    expect(await deleteAttachment(db.open, { id: a.value, expectedVersion: 2, month: "2023-10" }, ctx.actor)).toEqual({ ok: false, reason: "conflict", version: 1 });
    expect(await snapshot(db.open)).toBe(before);
    const period = Number((await one("select id from periods where month = '2023-10'")).id);
    await run("insert into monthly_reports (period_id, district_id, status) values (?, ?, 'approved')", [period, ctx.d1]);
    const approved = await snapshot(db.open);
    expect(await deleteAttachment(db.open, { id: a.value, expectedVersion: 1, month: "2023-10" }, ctx.actor)).toEqual({ ok: false, reason: "closed" });
    expect(await snapshot(db.open)).toBe(approved);
    await run("update monthly_reports set status = 'returned' where period_id = ?", [period]);
    await run("update periods set locked = 1 where id = ?", [period]);
    const locked = await snapshot(db.open);
    expect(await deleteAttachment(db.open, { id: a.value, expectedVersion: 1, month: "2023-10" }, ctx.actor)).toEqual({ ok: false, reason: "closed" });
    expect(await snapshot(db.open)).toBe(locked);
  });

  it("refuses an order's answer file once the order has been answered", async () => {
    const o = await order(ctx.d1, null, null);
    const a = await insertAttachment(db.open, { campaignId: ctx.campaignId, districtId: ctx.d1, subject: "order_answer", subjectId: o, month: null }, await photo("#90a0b0"), meta, ctx.actor, settings.maxRecordBytes);
    if (!a.ok) throw new Error("setup");
    await run("update supervision_orders set status = 'responded' where id = ?", [o]);
    expect(await deleteAttachment(db.open, { id: a.value, expectedVersion: 1, month: null }, ctx.actor)).toEqual({ ok: false, reason: "closed" });
    expect(await count("select count(*) as n from attachments where id = ?", [a.value])).toBe(1);
  });
});
