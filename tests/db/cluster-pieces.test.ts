import { spawnSync } from "node:child_process";
import { createPublicKey, verify } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { DatabaseConfigError, openDatabase } from "../../db/client";
import { Cluster, NGINX_BIN } from "../../scripts/cluster-lib";
import { ensureSecrets } from "../../scripts/cluster-secrets";
import { needsDatabase } from "../../scripts/db-unavailable.mjs";
import { databaseDown, publishRevalidation, sharedCacheEnabled, startSharedCache, stopSharedCache } from "../../scripts/shared-cache.mjs";

/* The parts of the cluster (issue #18) that can be checked without starting one: e2e-cluster/ runs the whole. */

const dir = mkdtempSync(path.join(tmpdir(), "tuijin-cluster-unit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("embedded replicas are refused", () => {
  afterEach(() => {
    delete process.env.DATABASE_SYNC_URL;
  });

  test("a DATABASE_SYNC_URL stops the app with a message pointing to the primary", async () => {
    process.env.DATABASE_SYNC_URL = "http://127.0.0.1:8081";
    const err = await openDatabase(`file:${path.join(dir, "replica.db")}`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseConfigError);
    expect((err as Error).message).toContain("不支持嵌入式副本");
    expect((err as Error).message).toContain("http(s)://");
  });
});

describe("the shared page-cache poll", () => {
  let db: Client;
  const file = path.join(dir, "shared.db");
  beforeAll(async () => {
    db = createClient({ url: `file:${file}` });
    await db.execute("create table app_meta (key text primary key, value text not null, updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ','now')))");
  });
  afterEach(() => stopSharedCache());
  afterAll(() => db.close());

  test("is on for a libSQL server, off for a file unless asked", () => {
    expect(sharedCacheEnabled({ DATABASE_URL: "http://127.0.0.1:8081" })).toBe(true);
    expect(sharedCacheEnabled({ DATABASE_URL: "libsql://db.example" })).toBe(true);
    expect(sharedCacheEnabled({ DATABASE_URL: "file:data/tuijin.db" })).toBe(false);
    expect(sharedCacheEnabled({})).toBe(false);
    expect(sharedCacheEnabled({ DATABASE_URL: "file:x.db", TUIJIN_SHARED_CACHE: "1" })).toBe(true);
    expect(sharedCacheEnabled({ DATABASE_URL: "http://h", TUIJIN_SHARED_CACHE: "0" })).toBe(false);
  });

  test("a tag revalidated by another instance is expired here, and this instance's revalidations are published", async () => {
    await db.execute("insert into app_meta (key, value) values ('cache_tag:_N_T_/layout', '4')");
    const expired: string[][] = [];
    startSharedCache({ url: `file:${file}`, expire: async (tags) => void expired.push(tags) });
    // On start every shared tag is expired once: copies on disk may predate changes this instance missed.
    await expect.poll(() => expired.length, { timeout: 5000 }).toBe(1);
    expect(expired[0]).toEqual(["_N_T_/layout"]);
    // Another instance approves a month:
    await db.execute("update app_meta set value = '5' where key = 'cache_tag:_N_T_/layout'");
    await expect.poll(() => expired.length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    expect(expired[1]).toEqual(["_N_T_/layout"]);
    expect(databaseDown()).toBe(false);
    // This instance revalidates a tag no one had used yet:
    await publishRevalidation(["_N_T_/zh/projects"]);
    const row = await db.execute("select value from app_meta where key = 'cache_tag:_N_T_/zh/projects'");
    expect(row.rows[0]?.value).toBe("1");
    await publishRevalidation(["_N_T_/zh/projects"]);
    expect((await db.execute("select value from app_meta where key = 'cache_tag:_N_T_/zh/projects'")).rows[0]?.value).toBe("2");
  });

  test("reports the database as down while it does not answer", async () => {
    startSharedCache({ url: "http://127.0.0.1:9", expire: async () => undefined });
    await expect.poll(() => databaseDown(), { timeout: 5000 }).toBe(true);
  });
});

describe("the 503 page while the database is down", () => {
  test("covers staff pages, sign-in and every write, not the public pages or the open data", () => {
    for (const url of ["/city", "/city/review?month=2023-10", "/district/figures", "/account", "/login", "/api/admin/revalidate"]) expect(needsDatabase("GET", url)).toBe(true);
    for (const url of ["/", "/projects", "/districts/licheng", "/en", "/api/v1/indicators.json", "/status", "/_next/static/x.js"]) expect(needsDatabase("GET", url)).toBe(false);
    expect(needsDatabase("POST", "/")).toBe(true);
    expect(needsDatabase("HEAD", "/district")).toBe(true);
  });
});

describe("secrets and the nginx configuration", () => {
  test("the database token is an EdDSA JWT that sqld's public key verifies, with read-write access", () => {
    const s = ensureSecrets(dir);
    const [h, p, sig] = s.dbToken.split(".");
    expect(JSON.parse(Buffer.from(h!, "base64url").toString())).toEqual({ alg: "EdDSA", typ: "JWT" });
    expect(JSON.parse(Buffer.from(p!, "base64url").toString())).toMatchObject({ a: "rw" });
    const raw = Buffer.from(readFileSync(s.jwtPublicKeyFile, "utf8").trim(), "base64url");
    const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
    expect(verify(null, Buffer.from(`${h}.${p}`), key, Buffer.from(sig!, "base64url"))).toBe(true);
    // Kept between runs: the same secrets the second time.
    expect(ensureSecrets(dir).authSecret).toBe(s.authSecret);
  });

  test("deploy/nginx.conf, filled in, is accepted by nginx", () => {
    const cluster = new Cluster({ dir, ports: { nginx: 3270, sqld: 3273, apps: [3271, 3272] }, seed: false, actionsKey: false, log: () => undefined });
    const file = cluster.nginxConfig();
    const conf = readFileSync(file, "utf8");
    expect(conf).not.toMatch(/@[A-Z_]+@/);
    expect(conf).toContain("server 127.0.0.1:3271 max_fails=1");
    expect(conf).toContain("server 127.0.0.1:3272 max_fails=1");
    const r = spawnSync(NGINX_BIN, ["-t", "-p", path.dirname(file), "-c", file, "-g", process.getuid?.() === 0 ? "user root;" : ""], { encoding: "utf8" });
    expect(r.stderr).toContain("syntax is ok");
    expect(r.status).toBe(0);
  });
});
