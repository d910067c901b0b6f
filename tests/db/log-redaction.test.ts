/**
 * Logs never contain session ids: when the database is unreachable during a session lookup,
 * the error Next.js prints (message, stack, fields and cause, as console.error formats them)
 * names the failed query but not its parameters.
 */
import { randomBytes } from "node:crypto";
import { format } from "node:util";
import { afterAll, describe, expect, it, vi } from "vitest";
import { touchUserSession } from "@/db/mutations/auth";
import { getSessionRecord } from "@/db/queries/auth";
import { freshDatabase } from "../support/temp-db";

describe("a session lookup with the database unreachable", async () => {
  const { open, cleanup } = await freshDatabase();
  (globalThis as unknown as { __tuijinDb?: Promise<unknown> }).__tuijinDb = Promise.resolve(open);
  afterAll(() => {
    (globalThis as unknown as { __tuijinDb?: Promise<unknown> }).__tuijinDb = undefined;
    cleanup();
  });

  it("logs the failure without the session id", async () => {
    const sid = randomBytes(24).toString("base64url");
    expect(await getSessionRecord(sid)).toBeNull();
    open.client.close();

    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(format(...args)));
    try {
      for (const attempt of [() => getSessionRecord(sid), () => touchUserSession(open, sid, Date.now())]) {
        const error = await attempt().then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(Error);
        // What Next.js does with an error thrown while rendering or in an action.
        console.error(" ⨯", error);
      }
    } finally {
      spy.mockRestore();
    }
    const log = logged.join("\n");
    expect(log).toContain("Failed query: select");
    expect(log).toContain("个参数已隐去");
    expect(log).not.toContain(sid);
  });
});
