/**
 * Retry schedule for a failed delivery: exponential backoff, 1 min, 2, 4, 8 … capped at 6 hours,
 * for at most MAX_ATTEMPTS attempts; after that the message is recorded as failed. Pure.
 */
export const MAX_ATTEMPTS = 6;
const BASE_MS = 60_000;
const CAP_MS = 6 * 3_600_000;

/** Milliseconds to wait after the given (1-based) failed attempt. */
export function backoffDelayMs(attempt: number): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError("attempt must be a positive integer");
  return Math.min(CAP_MS, BASE_MS * 2 ** (attempt - 1));
}

/** After a failed attempt: when to try again, or null when no attempt is left. */
export function nextAttemptAfterFailure(attempts: number, failedAt: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(failedAt.getTime() + backoffDelayMs(attempts));
}
