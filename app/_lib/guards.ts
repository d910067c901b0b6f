import "server-only";
import { cache } from "react";
import type { Session } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDatabase } from "@/db/index";
import { insertAuditEvent } from "@/db/mutations/audit";
import { touchUserSession } from "@/db/mutations/auth";
import { getSessionRecord } from "@/db/queries/auth";
import type { Role } from "@/domain/codes";
import { auth } from "./auth";
import { authSettings } from "./auth-settings";
import { can, type Action, type Resource } from "@/domain/policy";
import { mutationOriginRefusal } from "./origin";
import { clientAddress } from "./request-info";

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  districtId: number | null;
  departmentId: number | null;
  active: boolean;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  sessionId: string;
}

/** Re-touching last-seen at most once a minute keeps the idle timeout without a write per request. */
const TOUCH_AFTER_MS = 60_000;

/**
 * The session cookie, decrypted once per request. React's `cache` holds within a render, but a
 * server action runs outside one: its guards (requireUser, then requirePermission) each decrypted
 * the cookie again, about 3 ms apiece on the month save (issue #17). Keyed by the request's own
 * headers object, which Next.js creates once per request, so nothing outlives the request. The
 * database check below still runs on every call.
 */
const sessions = new WeakMap<object, Promise<Session | null>>();
async function requestSession() {
  const key = await headers();
  let session = sessions.get(key);
  if (!session) {
    session = decryptedSession(key.get("cookie"));
    sessions.set(key, session);
  }
  return session;
}

/**
 * The session a Cookie header decrypted to, kept for a minute across requests (issue #17). Auth.js
 * derives the key, decrypts the cookie and encrypts a renewed one (which a page cannot send) on
 * every call: about 1.5 ms of WebCrypto per signed-in request, a tenth of a kept leader page. What
 * it yields is only the session id; whether that session still counts (signed out, revoked, idle,
 * past its absolute age, the user deactivated or their password or role changed) is read from the
 * database on every request (getCurrentUser), so keeping it changes nothing a user can notice.
 * Only a cookie that decrypted to a session is kept; the same header string is the same cookie.
 */
const DECRYPTED_MS = 60_000;
const DECRYPTED_MAX = 5_000;
const decrypted = new Map<string, { at: number; session: Promise<Session | null> }>();
function decryptedSession(cookie: string | null): Promise<Session | null> {
  if (!cookie) return auth();
  const now = Date.now();
  const hit = decrypted.get(cookie);
  if (hit && now - hit.at < DECRYPTED_MS) return hit.session;
  const session = auth();
  decrypted.delete(cookie);
  decrypted.set(cookie, { at: now, session });
  if (decrypted.size > DECRYPTED_MAX) decrypted.delete(decrypted.keys().next().value!);
  const forget = () => {
    if (decrypted.get(cookie)?.session === session) decrypted.delete(cookie);
  };
  session.then((s) => (s ? undefined : forget()), forget);
  return session;
}

/**
 * The signed-in user, re-read from the database once per request: a deactivated user, a
 * changed password or role, "sign out everywhere", or an idle or expired session all end here.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await requestSession();
  const sid = (session as { sid?: unknown } | null)?.sid;
  if (typeof sid !== "string" || sid.length === 0) return null;
  const rec = await getSessionRecord(sid);
  if (!rec || rec.revokedAt || !rec.user.active || rec.sessionVersion !== rec.user.sessionVersion) return null;
  const now = Date.now();
  const lastSeen = Date.parse(rec.lastSeenAt);
  if (now - lastSeen > authSettings.idleMinutes * 60_000) return null;
  if (now - Date.parse(rec.createdAt) > authSettings.absoluteMinutes * 60_000) return null;
  if (now - lastSeen > TOUCH_AFTER_MS) await touchUserSession(await getDatabase(), sid, now);
  const u = rec.user;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    districtId: u.districtId,
    departmentId: u.departmentId,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    totpEnabled: u.totpEnabled,
    sessionId: sid,
  };
});

interface RequireOptions {
  /** The password-change page itself must be reachable while a change is forced. */
  allowPasswordChange?: boolean;
  /** The two-factor enrolment page must be reachable by an admin who has not enrolled yet. */
  allowTwoFactorSetup?: boolean;
  /** Where to come back to after signing in. */
  next?: string;
}

/** Pages: the signed-in user, or a redirect to sign-in; forces a password change and admin 2FA first. */
/**
 * Public pages and the open-data API: anyone may read what is published (policy "public.read"),
 * without a session. The guard reads no cookie or header, so cached pages stay cacheable; what
 * they show must still come from the public query layer (approved figures, public records only).
 */
export function requirePublicRead(): void {
  if (!can(null, "public.read")) forbidden();
}

export async function requireUser(opts: RequireOptions = {}): Promise<SessionUser> {
  return signedIn(await getCurrentUser(), opts);
}

function signedIn(user: SessionUser | null, opts: RequireOptions): SessionUser {
  if (!user) redirect(opts.next ? `/login?next=${encodeURIComponent(opts.next)}` : "/login");
  if (user.mustChangePassword && !opts.allowPasswordChange) redirect("/account/password");
  if (user.role === "city_admin" && !user.totpEnabled && !user.mustChangePassword && !opts.allowTwoFactorSetup) redirect("/account/two-factor");
  return user;
}

/**
 * Pages, actions and route handlers: the signed-in user if the policy allows the action on the
 * resource; otherwise the attempt is audited and the request ends with 403 (401-style redirect
 * to sign-in for pages when nobody is signed in).
 */
export async function requirePermission(action: Action, resource: Resource = {}, opts: RequireOptions = {}): Promise<SessionUser> {
  // Read once: in a server action React's `cache` does not hold, and each read is a database query.
  const current = await getCurrentUser();
  if (!current) {
    // Nobody (or a dead session) tried to act: record it, then send them to sign in.
    await recordDenied(null, action, resource);
  }
  const user = signedIn(current, opts);
  if (!can(user, action, resource)) {
    await recordDenied(user, action, resource);
    forbidden();
  }
  return user;
}

/**
 * For an action that called requireUser first and learned the resource afterwards (the district
 * and month state its form names): the same policy decision and audited refusal as
 * requirePermission, for the user that call returned, without reading the session again — each
 * read is a database query in an action, and a month save is timed (issue #17).
 */
export async function requireAllowed(user: SessionUser, action: Action, resource: Resource = {}): Promise<SessionUser> {
  if (!can(user, action, resource)) {
    await recordDenied(user, action, resource);
    forbidden();
  }
  return user;
}

export async function requireCityAdmin(opts: RequireOptions = {}): Promise<SessionUser> {
  return requirePermission("user.manage", {}, opts);
}

/** Writes a denied attempt to the audit log (its own transaction: there is no change to join). */
export async function recordDenied(user: SessionUser | null, action: string, resource: Resource | Record<string, unknown>): Promise<void> {
  const open = await getDatabase();
  const address = await clientAddress();
  await open.write((tx) =>
    insertAuditEvent(tx, {
      actorUserId: user?.id ?? null,
      actorName: user?.username ?? "anonymous",
      action,
      outcome: "denied",
      entity: "permission",
      districtId: "districtId" in resource && typeof resource.districtId === "number" ? resource.districtId : null,
      after: resource,
      clientAddress: address,
    }),
    { data: false },
  );
}

/**
 * Route handlers that change data call this first: a browser always sends Origin on a POST, so
 * a foreign or missing Origin is refused (403), a malformed one is a bad request (400). The front
 * server (scripts/server.mjs) applies the same rule to every server action and route handler.
 */
export function requireSameOrigin(request: Request): Response | null {
  const refusal = mutationOriginRefusal(request);
  if (!refusal) return null;
  return new Response(refusal.reason, { status: refusal.status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

