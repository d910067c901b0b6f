import { DatabaseConfigError, oneLine, openDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";

try {
  const open = await openDatabase();
  await runMigrations(open);
  open.close();
  console.log(`数据库已迁移到最新版本：${open.url}`);
} catch (e) {
  console.error(e instanceof DatabaseConfigError ? e.message : `数据库迁移失败，数据库保持原样：${oneLine(e)}`);
  process.exit(1);
}
