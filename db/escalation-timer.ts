import { todayInShanghai } from "@/app/_lib/months";
import { oneLine, openDatabase, type OpenDatabase } from "./client";
import { escalateOverdueOrders } from "./mutations/orders";

const EVERY_MS = 10 * 60_000;

/** Escalates overdue orders every ten minutes (idempotent; several instances may run it). */
export function startEscalationTimer(): void {
  const g = globalThis as unknown as { __tuijinEscalation?: NodeJS.Timeout };
  if (g.__tuijinEscalation) return;
  let open: Promise<OpenDatabase> | null = null;
  const tick = async () => {
    try {
      open ??= openDatabase();
      await escalateOverdueOrders(await open, todayInShanghai());
    } catch (e) {
      console.error(`[tuijin] 督办单逾期升级失败：${oneLine(e)}`);
    }
  };
  g.__tuijinEscalation = setInterval(tick, EVERY_MS);
  g.__tuijinEscalation.unref();
  setTimeout(tick, 5_000).unref();
}
