import { oneLine } from "../client";
import { getDatabase } from "../handle";
import { runNotificationWorker } from "./worker";

const EVERY_MS = Number(process.env.TUIJIN_NOTIFY_INTERVAL_MS ?? 60_000);

/** Runs the notification worker every minute (idempotent; several instances may run it). */
export function startNotificationTimer(): void {
  const g = globalThis as unknown as { __tuijinNotify?: NodeJS.Timeout; __tuijinNotifyBusy?: boolean };
  if (g.__tuijinNotify) return;
  const tick = async () => {
    // One pass at a time in this process: a slow mail server must not stack passes up.
    if (g.__tuijinNotifyBusy) return;
    g.__tuijinNotifyBusy = true;
    try {
      await runNotificationWorker(await getDatabase());
    } catch (e) {
      console.error(`[tuijin] 消息发送失败：${oneLine(e)}`);
    } finally {
      g.__tuijinNotifyBusy = false;
    }
  };
  g.__tuijinNotify = setInterval(tick, EVERY_MS);
  g.__tuijinNotify.unref();
  setTimeout(tick, 7_000).unref();
}
