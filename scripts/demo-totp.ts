/**
 * Prints the demo admin's current two-factor code (demo databases only): the demo secret is
 * public, so anyone trying the demo can sign in as `admin` without an authenticator app.
 */
import { eq } from "drizzle-orm";
import { totpCode } from "@/domain/totp";
import { DatabaseConfigError, oneLine, openDatabase } from "../db/client";
import { appMeta } from "../db/schema";
import { DEMO_ADMIN_TOTP_SECRET } from "../db/seed/demo-data";

try {
  const open = await openDatabase();
  const demo = await open.db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, "demo_data"));
  open.close();
  if (demo[0]?.value !== "1") {
    console.error("这不是演示数据库：真实账号的动态验证码只能由本人的验证器生成。");
    process.exit(1);
  }
  const now = Date.now();
  const remaining = 30 - Math.floor(now / 1000) % 30;
  console.log(`${totpCode(DEMO_ADMIN_TOTP_SECRET, now)}  （演示管理员 admin 的动态验证码，${remaining} 秒后更新；每个验证码只能使用一次）`);
} catch (e) {
  console.error(e instanceof DatabaseConfigError ? e.message : oneLine(e));
  process.exit(1);
}
