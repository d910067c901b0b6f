import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/db/client";
import { MIGRATIONS_FOLDER, runMigrations } from "@/db/migrate";

/*
 * Migration 0014 recreates `attachments` (district_id nullable, department_id added). A database
 * that already holds files under 0013 keeps every row and value, its indexes and foreign keys; an
 * order file's department is filled from its order; and the new rules hold afterwards.
 */

let dir: string;
let open: OpenDatabase;

/** db/migrations with the journal cut after `lastTag`: a database as an older release left it. */
function migrationsUpTo(lastTag: string): string {
  const folder = mkdtempSync(path.join(dir, "migrations-"));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const file = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(file, "utf8")) as { entries: { idx: number; tag: string; when: number }[] };
  const cut = journal.entries.findIndex((e) => e.tag === lastTag);
  if (cut < 0) throw new Error(`no migration ${lastTag}`);
  journal.entries = journal.entries.slice(0, cut + 1);
  writeFileSync(file, JSON.stringify(journal, null, 2));
  return folder;
}

const run = (sql: string, args: (string | number | null)[] = []) => open.client.execute({ sql, args });
const id = async (sql: string, args: (string | number | null)[] = []) => Number((await run(sql, args)).rows[0]!.id);
const rows = async (sql: string) => (await run(sql)).rows.map((r) => ({ ...r }));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tuijin-0014-"));
  open = await openDatabase(`file:${path.join(dir, "old.db")}`);
});
afterAll(() => {
  open.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("migration 0014 on a database with attachments", () => {
  it("keeps every row, fills order files' department, and then takes department-owned files", async () => {
    await runMigrations(open, migrationsUpTo("0013_evidence"));
    expect((await rows("pragma table_info(attachments)")).map((c) => c.name)).not.toContain("department_id");

    const campaign = await id("insert into campaigns (slug, year, city_name, title, starts_on, ends_on) values ('m-2023', 2023, '测试市', '测试', '2023-01-01', '2023-12-31') returning id");
    const district = await id("insert into districts (code, name, kind) values ('d1', '甲区', 'district') returning id");
    const dept = await id("insert into departments (code, name) values ('zrj', '自然资源局') returning id");
    const user = await id("insert into users (username, display_name, password_hash, role, district_id) values ('clerk', '填报员', 'x', 'district_editor', ?) returning id", [district]);
    const project = await id("insert into projects (campaign_id, code, name, district_id, total_investment, annual_planned_investment) values (?, 'M-1', 'M-1', ?, 1000, 100) returning id", [campaign, district]);
    const order = (districtId: number | null, departmentId: number | null, code: string) =>
      id(
        "insert into supervision_orders (campaign_id, code, subject_type, project_id, district_id, department_id, issue, requirement, deadline_on, issued_by) values (?, ?, 'project', ?, ?, ?, '滞后', '整改', '2023-12-31', ?) returning id",
        [campaign, code, project, districtId, departmentId, user],
      );
    const districtOrder = await order(district, null, "M-O-1");
    const deptOrder = await order(null, dept, "M-O-2");
    await run("insert into blobs (sha256, mime, byte_size, content) values ('aa', 'image/jpeg', 3, x'ffd8ff'), ('bb', 'image/jpeg', 3, x'ffd8ff')");
    const insert = (subject: string, subjectId: number, month: string | null, caption: string) =>
      run(
        "insert into attachments (campaign_id, district_id, subject, subject_id, month, kind, caption, original_name, original_sha256, file_sha256, thumb_sha256, mime, byte_size, width, height, taken_at, gps_latitude, gps_longitude, phash, is_public, uploaded_by, updated_by, version) values (?, ?, ?, ?, ?, 'photo', ?, 'a.jpg', 'o1', 'aa', 'bb', 'image/jpeg', 3, 10, 8, '2023-10-01T09:00:00', 24.9, 118.6, '0123456789abcdef', 1, ?, ?, 2)",
        [campaign, district, subject, subjectId, month, caption, user, user],
      );
    await insert("project_month", project, "2023-10", "基坑");
    await insert("order_answer", districtOrder, null, "区里反馈");
    await insert("order_answer", deptOrder, null, "局里反馈");
    await insert("project_month", project, "2023-09", "已删除");
    const deleted = await id("select max(id) as id from attachments");
    await run("delete from attachments where id = ?", [deleted]);
    const before = await rows("select * from attachments order by id");

    await runMigrations(open);

    const after = await rows("select * from attachments order by id");
    expect(after).toEqual(before.map((r) => ({ ...r, department_id: r.subject_id === deptOrder && r.subject === "order_answer" ? dept : null })));
    const indexes = (await rows("select name from sqlite_master where type = 'index' and tbl_name = 'attachments' and name not like 'sqlite_%' order by name")).map((r) => r.name);
    expect(indexes).toEqual(["attachments_campaign_month_idx", "attachments_phash_idx", "attachments_subject_idx"]);
    const fks = (await rows("pragma foreign_key_list(attachments)")).map((r) => `${r.from}->${r.table}.${r.to}`).sort();
    expect(fks).toEqual(["campaign_id->campaigns.id", "department_id->departments.id", "district_id->districts.id", "file_sha256->blobs.sha256", "thumb_sha256->blobs.sha256", "updated_by->users.id", "uploaded_by->users.id"]);
    expect(await rows("pragma foreign_key_check(attachments)")).toEqual([]);

    // A department's order on an indicator now takes files under the department alone, and a deleted
    // file's id (named in the audit log) is never handed out again.
    const next = await id("insert into attachments (campaign_id, department_id, subject, subject_id, kind, original_sha256, file_sha256, mime, byte_size) values (?, ?, 'order_answer', ?, 'document', 'o2', 'aa', 'application/pdf', 3) returning id", [campaign, dept, deptOrder]);
    expect(next).toBeGreaterThan(deleted);
    await expect(run("insert into attachments (campaign_id, subject, subject_id, kind, original_sha256, file_sha256, mime, byte_size) values (?, 'order_answer', ?, 'document', 'o3', 'aa', 'application/pdf', 3)", [campaign, deptOrder])).rejects.toThrow(/CHECK/);
  });
});
