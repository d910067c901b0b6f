import { createClient } from "@libsql/client";

/** `PRAGMA integrity_check` of a database file: "ok", or what is wrong (unreadable files included). */
export async function integrityOf(file: string): Promise<string> {
  let client;
  try {
    client = createClient({ url: `file:${file}` });
    const r = await client.execute("PRAGMA integrity_check");
    return r.rows.map((row) => String(Object.values(row)[0])).join("; ");
  } catch (e) {
    return e instanceof Error ? e.message.split("\n")[0]! : String(e);
  } finally {
    client?.close();
  }
}
