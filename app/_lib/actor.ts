import "server-only";
import type { UserActor } from "@/domain/actor";
import type { SessionUser } from "./guards";
import { clientAddress } from "./request-info";

/** The actor of a write made by the signed-in user, with the request's client address. */
export async function actorOf(user: SessionUser): Promise<UserActor> {
  return { id: user.id, name: user.username, clientAddress: await clientAddress() };
}
