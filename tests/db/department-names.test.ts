import { describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { demoAppDatabase } from "../support/demo-app-db";

/* The figures form names each indicator's owning department, all read in one query (issue #17). */

let open: OpenDatabase;
let users: typeof import("@/db/queries/users");
demoAppDatabase("tuijin-department-names-", async (db) => {
  open = db;
  users = await import("@/db/queries/users");
});

describe("department names by id", () => {
  it("gives each department's name, the same as one by one; an unknown id has none", async () => {
    const ids = (await open.client.execute("select id from departments order by id")).rows.map((r) => Number(r.id));
    expect(ids.length).toBeGreaterThan(2);
    const names = await users.listDepartmentNames([...ids, 999_999]);
    for (const id of ids) expect(names.get(id)).toBe(await users.getScopeName(null, id));
    expect(names.get(ids[0]!)).toMatch(/\S/);
    expect(names.get(999_999)).toBeNull();
    expect((await users.listDepartmentNames([])).size).toBe(0);
  });
});
