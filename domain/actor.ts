/**
 * Who makes a write: the signed-in user (id and username) and the address the request came from,
 * as every audit row records them. `id` is null only for the system (timers) and command-line tools.
 */
export interface Actor {
  id: number | null;
  name: string;
  clientAddress: string;
}

/** A user's write (every action from a page has one). */
export interface UserActor extends Actor {
  id: number;
}

/** A user's write that also needs the user's own scope (their own settings, their group's robots). */
export interface ScopedActor extends UserActor {
  districtId: number | null;
  departmentId: number | null;
}
