/**
 * The pid file `npm start` keeps next to a file database while it serves it, so that tools
 * which must not run under a live server (npm run db:restore) can tell.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";

export interface ServerPidRecord {
  supervisor: number;
  server: number | null;
  port: number;
  startedAt: string;
}

export function pidFileFor(databaseFile: string): string {
  return `${databaseFile}.pid`;
}

export function writePidFile(file: string, record: ServerPidRecord): void {
  writeFileSync(file, JSON.stringify(record) + "\n", { mode: 0o600 });
}

export function removePidFile(file: string): void {
  rmSync(file, { force: true });
}

function alive(pid: number | null | undefined): boolean {
  if (!pid || !Number.isInteger(pid)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The record of a server still running on this database (supervisor or its server), or null. */
export function runningServer(databaseFile: string): ServerPidRecord | null {
  const file = pidFileFor(databaseFile);
  if (!existsSync(file)) return null;
  try {
    const r = JSON.parse(readFileSync(file, "utf8")) as ServerPidRecord;
    return alive(r.supervisor) || alive(r.server) ? r : null;
  } catch {
    return null;
  }
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portInUse(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    const done = (v: boolean) => {
      socket.destroy();
      resolve(v);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}
