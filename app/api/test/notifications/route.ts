import { requirePermission, requireSameOrigin } from "@/app/_lib/guards";
import { todayInShanghai } from "@/domain/months";
import { getDatabase } from "@/db/index";
import { escalateOverdueOrders } from "@/db/mutations/orders";
import { runNotificationWorker } from "@/db/notify/worker";

/**
 * POST /api/test/notifications — runs the timers' work now (order escalation, then one
 * notification-worker pass), optionally as if at `now` (ISO time, e.g. the next day for digests or
 * a retry's due time). For browser tests only: refused in production unless TUIJIN_TEST_HOOKS=1,
 * and only for the campaign office, same-origin.
 */
export async function POST(request: Request): Promise<Response> {
  if (process.env.NODE_ENV === "production" && process.env.TUIJIN_TEST_HOOKS !== "1") return new Response("Not Found", { status: 404 });
  const foreign = requireSameOrigin(request);
  if (foreign) return foreign;
  await requirePermission("campaign.manage");
  const body = (await request.json().catch(() => ({}))) as { now?: unknown };
  // Without `now`, the worker reads the clock itself, after escalation has queued its messages.
  const now = typeof body.now === "string" ? new Date(body.now) : undefined;
  if (now && Number.isNaN(now.getTime())) return Response.json({ ok: false, message: "now 不是有效时间" }, { status: 400 });
  const open = await getDatabase();
  const escalated = await escalateOverdueOrders(open, todayInShanghai(now ?? new Date()));
  const result = await runNotificationWorker(open, { now });
  return Response.json({ ok: true, escalated, ...result });
}
