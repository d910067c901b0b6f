import { hash } from "@node-rs/argon2";
import { e2eDatabase } from "./db";

export const DEMO_PASSWORD = "Tuijin-demo-2023";
export const DEMO_ADMIN_TOTP_SECRET = "TUIJINDEMOADMINTOTPSECRETABCDEFG";

let counter = 0;
/** A username no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`.toLowerCase();
}

/** Inserts a user straight into the e2e database (as an admin would have created it). */
export async function createUser(opts: {
  username: string;
  password: string;
  role?: "city_admin" | "city_leader" | "district_editor" | "department_editor";
  district?: string;
  department?: string;
  mustChangePassword?: boolean;
}): Promise<number> {
  const db = e2eDatabase();
  try {
    const role = opts.role ?? "district_editor";
    const passwordHash = await hash(opts.password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const res = await db.execute({
      sql: `insert into users (username, display_name, role, district_id, department_id, password_hash, must_change_password)
            values (?, ?, ?, (select id from districts where code = ?), (select id from departments where code = ?), ?, ?) returning id`,
      args: [
        opts.username,
        `测试用户 ${opts.username}`,
        role,
        role === "district_editor" ? (opts.district ?? "jinjiang") : null,
        role === "department_editor" ? (opts.department ?? "swj") : null,
        passwordHash,
        opts.mustChangePassword ? 1 : 0,
      ],
    });
    return Number(res.rows[0]!.id);
  } finally {
    db.close();
  }
}

export async function queryOne<T = Record<string, unknown>>(sql: string, args: (string | number | null)[] = []): Promise<T | undefined> {
  const db = e2eDatabase();
  try {
    return (await db.execute({ sql, args })).rows[0] as T | undefined;
  } finally {
    db.close();
  }
}

export async function run(sql: string, args: (string | number | null)[] = []): Promise<void> {
  const db = e2eDatabase();
  try {
    await db.execute({ sql, args });
  } finally {
    db.close();
  }
}

/**
 * What every data write of the app does in its transaction (db/client.ts): a row written straight
 * into the database by a test must bump the data version too, or pages keep what they read before
 * (rollups and the leader's reads are kept per data version).
 */
export async function bumpDataVersion(): Promise<void> {
  await run("insert into app_meta (key, value) values ('data_version', '1') on conflict (key) do update set value = cast(value as integer) + 1");
}
