/** Session and throttling limits. Configurable by environment; defaults from the access-control issue. */
function minutes(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export const authSettings = {
  idleMinutes: minutes("TUIJIN_SESSION_IDLE_MINUTES", 30),
  absoluteMinutes: minutes("TUIJIN_SESSION_ABSOLUTE_MINUTES", 12 * 60),
  /** Failures of one username from one address within the window that lock that pair. */
  usernameFailures: 5,
  /** More than this many failures from one address within the window block the address. */
  addressFailures: 20,
  windowMinutes: 15,
  lockMinutes: 15,
  /**
   * Failures of one username from all addresses within the account window that lock the account
   * for the account lock time, except from addresses it signed in from within knownAddressDays.
   */
  accountFailures: 50,
  accountWindowMinutes: 60,
  accountLockMinutes: 60,
  knownAddressDays: 30,
  /** A TOTP step has this long to be completed after the password was accepted. */
  totpTicketMinutes: 5,
  passwordMin: 10,
  passwordMax: 128,
};
