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
