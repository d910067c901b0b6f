/**
 * Reads over http(s):// to a libSQL server, sent together (issue #18).
 *
 * Every `client.execute` over http is one HTTP request to sqld. Measured on the 2-core machine
 * (scripts/_tmp-micro, docs/benchmark-notes.md): 14 separate SELECTs cost ~29 ms of this process's
 * CPU and ~29 ms of sqld's; the same 14 sent as one `client.batch(…, "read")` cost ~3.4 ms and
 * ~3.1 ms. The cost is the request, not the statement. So SELECTs issued outside a transaction in
 * the same turn of the event loop — the independent reads of one page (Promise.all, sibling
 * server components) and those of other requests rendering at the same moment — leave as one
 * batch. A batch runs in one read transaction on the primary: each statement sees every write
 * committed before it was issued (read-your-writes holds; nothing is served from a copy).
 *
 * If the batch fails, each statement is run again on its own, so every caller gets its own
 * result or its own error (one bad statement does not fail its neighbours). Writes, PRAGMAs and
 * everything inside `db.transaction` pass straight through. Only used for server URLs: on a file
 * database a query costs microseconds and batching would only add a transaction.
 */
import type { Client, InArgs, InStatement, ResultSet } from "@libsql/client";

interface Pending {
  stmt: InStatement;
  resolve: (r: ResultSet) => void;
  reject: (e: unknown) => void;
}

/** Statements per HTTP request at most (a long page's reads still leave in a few requests). */
const MAX_BATCH = 64;

/**
 * Batches on their way at once. While they are, new reads wait and leave together when one comes
 * back: under load the reads of many concurrent pages share a request instead of each paying for
 * its own (at most one round trip of waiting, a few milliseconds on one machine).
 */
const MAX_IN_FLIGHT = Number(process.env.TUIJIN_READ_BATCH_IN_FLIGHT ?? 2);

export function isPlainRead(sqlText: string): boolean {
  return /^\s*(select|with)\b/i.test(sqlText) && !/\b(insert|update|delete|replace)\b/i.test(sqlText.replace(/'[^']*'/g, "''"));
}

export interface ReadBatchStats {
  statements: number;
  requests: number;
}

/**
 * Wraps `client.execute` so plain reads are coalesced into `client.batch(…, "read")`. Returns
 * counters (for tests and the benchmark notes).
 */
export function batchReads(client: Client): ReadBatchStats {
  const stats: ReadBatchStats = { statements: 0, requests: 0 };
  const execute = client.execute.bind(client) as (stmt: InStatement) => Promise<ResultSet>;
  const batch = client.batch.bind(client);
  let pending: Pending[] = [];
  let scheduled = false;
  let inFlight = 0;

  const landed = () => {
    inFlight--;
    if (pending.length > 0 && !scheduled) flush();
  };

  const runAlone = (p: Pending) => {
    stats.requests++;
    execute(p.stmt).then(p.resolve, p.reject);
  };

  const send = (group: Pending[]) => {
    inFlight++;
    stats.requests++;
    if (group.length === 1) {
      const p = group[0]!;
      execute(p.stmt).then(p.resolve, p.reject).finally(landed);
      return;
    }
    batch(
      group.map((p) => p.stmt),
      "read",
    )
      .then(
        (results) => group.forEach((p, i) => p.resolve(results[i]!)),
        // One failing statement fails the batch: each is run again alone, for its own answer.
        () => group.forEach(runAlone),
      )
      .finally(landed);
  };

  const flush = () => {
    scheduled = false;
    while (pending.length > 0 && inFlight < MAX_IN_FLIGHT) {
      send(pending.slice(0, MAX_BATCH));
      pending = pending.slice(MAX_BATCH);
    }
  };

  const wrapped = (stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> => {
    const stmt: InStatement = typeof stmtOrSql === "string" ? (args === undefined ? stmtOrSql : { sql: stmtOrSql, args }) : stmtOrSql;
    const text = typeof stmt === "string" ? stmt : stmt.sql;
    stats.statements++;
    if (!isPlainRead(text)) {
      stats.requests++;
      return execute(stmt);
    }
    return new Promise<ResultSet>((resolve, reject) => {
      pending.push({ stmt, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
  };
  (client as unknown as { execute: typeof wrapped }).execute = wrapped;
  return stats;
}
