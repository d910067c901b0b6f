/**
 * `npm run cluster`: the app as it runs on several machines, on this one (issue #18).
 *
 *   sqld primary (127.0.0.1:BASE+3, JWT auth)  ←  app instance 1 (BASE+1) ┐
 *                                              ←  app instance 2 (BASE+2) ┤←  nginx (BASE)  ←  people
 *
 * 1. secrets generated once into data/cluster/secrets (sqld's Ed25519 key pair and the app's
 *    EdDSA JWT for it, AUTH_SECRET, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY);
 * 2. one production build, made with that actions key;
 * 3. sqld started on data/cluster/sqld-data with --auth-jwt-key-file;
 * 4. migrations, and the demo data into an empty database (`--no-demo`: never), as their own step;
 * 5. the instances (scripts/start.ts --serve-only: no migrating, no seeding), each supervised;
 * 6. Debian's nginx with deploy/nginx.conf (load balancing, X-Forwarded-For, 1 s public cache).
 * Ctrl-C stops everything. Options: `--base-port N` (default 8080), `--instances N` (default 2),
 * `--dir PATH` (default data/cluster).
 */
import path from "node:path";
import { Cluster } from "./cluster-lib";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i !== -1 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main() {
  const base = Number(option("--base-port", "8080"));
  const instances = Number(option("--instances", "2"));
  if (!Number.isInteger(base) || base < 1024 || base > 65000) throw new Error(`--base-port 应为 1024–65000 的整数`);
  if (!Number.isInteger(instances) || instances < 1 || instances > 8) throw new Error(`--instances 应为 1–8`);
  const apps = Array.from({ length: instances }, (_, i) => base + 1 + i);
  const cluster = new Cluster({
    dir: path.resolve(option("--dir", path.join("data", "cluster"))),
    ports: { nginx: base, apps, sqld: base + 1 + instances },
    seed: !process.argv.includes("--no-demo"),
    actionsKey: true,
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("[cluster] 正在停止 nginx、各实例和 sqld …");
    await cluster.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  try {
    await cluster.start({ build: true });
  } catch (e) {
    console.error(`[cluster] 启动失败：${e instanceof Error ? e.message : String(e)}`);
    await cluster.stop();
    process.exit(1);
  }
  console.log(`[cluster] 就绪：${cluster.publicUrl}（nginx）→ ${apps.map((_, i) => cluster.appUrl(i)).join("、")} → sqld ${cluster.dbUrl}。Ctrl-C 停止。`);
}

main().catch((e) => {
  console.error(`[cluster] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
