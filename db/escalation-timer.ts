import { todayInShanghai } from "@/domain/months";
import { oneLine } from "./client";
import { getDatabase } from "./handle";
import { escalateOverdueOrders } from "./mutations/orders";

const EVERY_MS = 10 * 60_000;

/** Escalates overdue orders every ten minutes (idempotent; several instances may run it). */
export function startEscalationTimer(): void {
  const g = globalThis as unknown as { __tuijinEscalation?: NodeJS.Timeout };
  if (g.__tuijinEscalation) return;
  const tick = async () => {
    try {
      await escalateOverdueOrders(await getDatabase(), todayInShanghai());
    } catch (e) {
      console.error(`[tuijin] 督办单逾期升级失败：${oneLine(e)}`);
    }
  };
  g.__tuijinEscalation = setInterval(tick, EVERY_MS);
  g.__tuijinEscalation.unref();
  setTimeout(tick, 5_000).unref();
}
