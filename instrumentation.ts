/**
 * Runs once when the server starts. Overdue supervision orders escalate on a timer, so an order
 * moves up a level even if nobody looks; pages show the level computed from the deadline and
 * never write while reading.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.TUIJIN_ESCALATION_TIMER === "0") return;
  const { startEscalationTimer } = await import("./db/escalation-timer");
  startEscalationTimer();
}
