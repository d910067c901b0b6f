/**
 * Runs once when the server starts. Overdue supervision orders escalate on a timer, so an order
 * moves up a level even if nobody looks; pages show the level computed from the deadline and
 * never write while reading. The notification worker delivers queued messages and digests on its
 * own timer.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.TUIJIN_ESCALATION_TIMER !== "0") {
    const { startEscalationTimer } = await import("./db/escalation-timer");
    startEscalationTimer();
  }
  if (process.env.TUIJIN_NOTIFY_WORKER !== "0") {
    const { startNotificationTimer } = await import("./db/notify/timer");
    startNotificationTimer();
  }
}
