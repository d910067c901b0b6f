import { DatabaseConfigError, oneLine, openDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { SeedRefusedError, seedDemo } from "../db/seed";

try {
  const open = await openDatabase();
  await runMigrations(open);
  const outcome = await seedDemo(open);
  open.close();
  console.log(outcome === "seeded" ? `演示数据已写入：${open.url}` : `演示数据已存在，未做任何改动：${open.url}`);
} catch (e) {
  console.error(e instanceof DatabaseConfigError || e instanceof SeedRefusedError ? e.message : `写入演示数据失败：${oneLine(e)}`);
  process.exit(1);
}
