/**
 * Creates a user from the command line, e.g. the first city admin of a new (non-demo) database:
 *   npm run user:create -- --username wang --name 王五 --role city_admin
 *   npm run user:create -- --username jj01 --name 晋江填报员 --role district_editor --district jinjiang
 * The password comes from TUIJIN_NEW_PASSWORD, or a random temporary one is printed once.
 * Either way the user must change it at first sign-in (and a city admin must set up two-factor).
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { hashPassword, passwordRuleError } from "@/domain/passwords";
import { DatabaseConfigError, oneLine, openDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { insertUser } from "../db/mutations/users";
import { departments, districts, ROLES, type Role } from "../db/schema";

function die(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    username: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "city_admin" },
    district: { type: "string" },
    department: { type: "string" },
  },
});
const username = values.username?.trim().toLowerCase() ?? "";
if (!/^[a-z0-9_.-]{3,32}$/.test(username)) die("用法：npm run user:create -- --username 用户名 --name 姓名 [--role city_admin|city_leader|district_editor|department_editor] [--district 区县代码] [--department 部门代码]（用户名 3–32 位小写字母、数字、_ . -）");
const role = values.role as Role;
if (!ROLES.includes(role)) die(`未知角色：${values.role}（可选 ${ROLES.join(", ")}）`);
const displayName = values.name?.trim() || username;
const password = process.env.TUIJIN_NEW_PASSWORD ?? randomBytes(12).toString("base64url");
const rule = passwordRuleError(password, username);
if (rule) die(`TUIJIN_NEW_PASSWORD 不符合规则：${rule}`);

try {
  const open = await openDatabase();
  await runMigrations(open);
  let districtId: number | null = null;
  let departmentId: number | null = null;
  if (role === "district_editor") {
    if (!values.district) die("区县填报员需要 --district 区县代码");
    districtId = (await open.db.select({ id: districts.id }).from(districts).where(eq(districts.code, values.district)))[0]?.id ?? die(`没有代码为 ${values.district} 的区县`);
  }
  if (role === "department_editor") {
    if (!values.department) die("部门填报员需要 --department 部门代码");
    departmentId = (await open.db.select({ id: departments.id }).from(departments).where(eq(departments.code, values.department)))[0]?.id ?? die(`没有代码为 ${values.department} 的部门`);
  }
  const result = await insertUser(
    open,
    { username, displayName, role, districtId, departmentId, passwordHash: await hashPassword(password), mustChangePassword: true },
    { id: null, name: "cli", clientAddress: "cli" },
  );
  open.close();
  if (!result.ok) die(result.reason === "duplicate" ? `用户名 ${username} 已存在` : "创建失败");
  console.log(`已创建用户 ${username}（${role}）。`);
  if (!process.env.TUIJIN_NEW_PASSWORD) console.log(`临时密码：${password}\n首次登录后必须修改密码${role === "city_admin" ? "，并开启两步验证" : ""}。此密码不会再次显示。`);
} catch (e) {
  die(e instanceof DatabaseConfigError ? e.message : `创建用户失败：${oneLine(e)}`);
}
