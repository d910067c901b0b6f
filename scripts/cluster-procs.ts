/** Waiting for and stopping the processes of a cluster (scripts/cluster-lib.ts). */
import type { ChildProcess } from "node:child_process";
import { connect } from "node:net";

/** Resolves once something accepts TCP connections on 127.0.0.1:port. */
export async function waitForPort(port: number, timeoutMs: number, alive?: () => boolean): Promise<void> {
  const started = Date.now();
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect({ host: "127.0.0.1", port }, () => {
        s.end();
        resolve(true);
      });
      s.on("error", () => resolve(false));
    });
    if (ok) return;
    if (alive && !alive()) throw new Error(`process for port ${port} exited before listening`);
    if (Date.now() - started > timeoutMs) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function waitForHttp(url: string, timeoutMs: number, alive: () => boolean): Promise<void> {
  const started = Date.now();
  for (;;) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(3000) }).then((r) => r.status === 200, () => false);
    if (ok) return;
    if (!alive()) throw new Error(`process for ${url} exited before serving`);
    if (Date.now() - started > timeoutMs) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface Proc {
  child: ChildProcess;
  exited: Promise<void>;
}

/** Signals a process group and waits for its leader; SIGKILL after 8 s. */
export async function stopProc(p: Proc | null, signal: NodeJS.Signals): Promise<void> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  const pid = p.child.pid!;
  const kill = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // Already gone.
    }
  };
  kill(signal);
  const done = await Promise.race([p.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 8000))]);
  if (!done) {
    kill("SIGKILL");
    await p.exited;
  }
  // Whatever the leader left in its group (a supervisor's server) goes with it.
  kill("SIGKILL");
}
