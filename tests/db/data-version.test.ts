import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { freshDatabase } from "../support/temp-db";

/*
 * app_meta.data_version tells every app instance its cached rollups are stale. A write
 * transaction that changed nothing (a save refused inside it: a version conflict, a locked month)
 * must not bump it: found by the fuzz run (e2e/hardening-fuzz.spec.ts).
 */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe("data_version", () => {
  it("moves only when a data transaction changed rows", async () => {
    const { open, cleanup } = await freshDatabase();
    cleanups.push(cleanup);
    const version = async () => Number((await open.client.execute("select value from app_meta where key = 'data_version'")).rows[0]?.value ?? 0);
    const start = await version();

    await open.write(async (tx) => {
      await tx.run(sql`update audit_events set action = action where 0`);
    });
    expect(await version()).toBe(start);

    await open.write((tx) => tx.insert(auditEvents).values({ actorName: "t", action: "t.write", entity: "test", entityId: "1" }).then(() => undefined));
    expect(await version()).toBe(start + 1);

    await open.write((tx) => tx.insert(auditEvents).values({ actorName: "t", action: "t.bookkeeping", entity: "test", entityId: "2" }).then(() => undefined), { data: false });
    expect(await version()).toBe(start + 1);
  });
});
