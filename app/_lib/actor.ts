import "server-only";
import type { ScopedActor, UserActor } from "@/domain/actor";
import type { SessionUser } from "./guards";
import { clientAddress } from "./request-info";

/** The actor of a write made by the signed-in user, with the request's client address. */
export async function actorOf(user: SessionUser): Promise<UserActor> {
  return { id: user.id, name: user.username, clientAddress: await clientAddress() };
}

/** The same, with the user's own district and department (their own settings, their group's robots). */
export async function scopedActorOf(user: SessionUser): Promise<ScopedActor> {
  return { ...(await actorOf(user)), districtId: user.districtId, departmentId: user.departmentId };
}
