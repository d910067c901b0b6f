"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/app/_lib/auth";
import { getCurrentUser, requirePermission } from "@/app/_lib/guards";
import { actorOf } from "@/app/_lib/actor";
import { getDatabase } from "@/db/index";
import { revokeUserSession } from "@/db/mutations/auth";
import { endAllSessions } from "@/db/mutations/users";

/** Signing out needs no permission, only a session to end; without one it just clears the cookie. */
export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await revokeUserSession(await getDatabase(), user.sessionId, await actorOf(user));
  await signOut({ redirectTo: "/login" });
}

/** Ends every session of the caller's own account, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await requirePermission("account.update", {}, { allowPasswordChange: true, allowTwoFactorSetup: true });
  await endAllSessions(await getDatabase(), user.id, await actorOf(user));
  await signOut({ redirectTo: "/login" });
  redirect("/login");
}
