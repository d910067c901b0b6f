import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
let dir = "";
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/user-create.ts", ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ code: code ?? 1, out }));
  });
}

describe("npm run user:create", () => {
  it("creates the first city admin on an empty, non-demo database, who must change the password", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "tuijin-cli-"));
    const url = `file:${path.join(dir, "real.db")}`;
    const r = await runCli(["--username", "Wang.Wu", "--name", "王五", "--role", "city_admin"], { DATABASE_URL: url });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/临时密码：\S{12,}/);
    const db = createClient({ url });
    const rows = await db.execute("select username, display_name, role, must_change_password, totp_enabled from users");
    db.close();
    expect(rows.rows.map((x) => ({ ...x }))).toEqual([{ username: "wang.wu", display_name: "王五", role: "city_admin", must_change_password: 1, totp_enabled: 0 }]);
  });

  it("refuses a district editor without a district, and stores nothing", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "tuijin-cli-"));
    const url = `file:${path.join(dir, "real.db")}`;
    const r = await runCli(["--username", "clerk", "--role", "district_editor"], { DATABASE_URL: url });
    expect(r.code).toBe(1);
    expect(r.out).toContain("需要 --district");
    const db = createClient({ url });
    const rows = await db.execute("select count(*) as n from users");
    db.close();
    expect(rows.rows[0]!.n).toBe(0);
  });
});
