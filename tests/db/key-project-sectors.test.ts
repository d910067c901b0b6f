import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed";

/*
 * The key-projects page reads every district's sector table in one query (it used to run one per
 * district): on the demo data, each district's rows are exactly what the one-district query gives,
 * in both modes, and they add up to the city's.
 */

const dir = mkdtempSync(path.join(tmpdir(), "tuijin-sectors-"));
process.env.DATABASE_URL = `file:${path.join(dir, "demo.db")}`;
let open: OpenDatabase;
let q: typeof import("@/db/queries/key-project-sectors");

beforeAll(async () => {
  open = await openDatabase();
  await runMigrations(open);
  await seedDemo(open);
  q = await import("@/db/queries/key-project-sectors");
});
afterAll(() => {
  open.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("key projects by sector for every district in one query", () => {
  for (const mode of ["official", "all"] as const) {
    it(`gives each district what its own query gives (${mode})`, async () => {
      const districts = (await open.client.execute("select id from districts order by id")).rows.map((r) => Number(r.id));
      const byDistrict = await q.loadKeyProjectSectorsByDistrict(1, "2023-10", mode);
      let withProjects = 0;
      for (const id of districts) {
        const own = await q.loadKeyProjectSectors(1, "2023-10", mode, id);
        expect(byDistrict.get(id) ?? [], `district ${id}`).toEqual(own);
        if (own.length > 0) withProjects += 1;
      }
      expect(withProjects).toBeGreaterThan(5);
      const city = await q.loadKeyProjectSectors(1, "2023-10", mode);
      const sum = (k: "projects" | "doneYtd" | "annualPlan") => [...byDistrict.values()].flat().reduce((s, r) => s + r[k], 0);
      expect(sum("projects")).toBe(city.reduce((s, r) => s + r.projects, 0));
      expect(sum("doneYtd")).toBe(city.reduce((s, r) => s + r.doneYtd, 0));
      expect(sum("doneYtd")).toBeGreaterThan(0);
    });
  }
});
