/**
 * What every mutation answers (db/mutations/*): done, with what it produced in `value`, or refused,
 * with a reason code the action turns into a Chinese message plus whatever that message needs
 * (the current values on a conflict, the lines in error …). Expected refusals are outcomes;
 * unexpected failures throw. Name a mutation's refusals with `Refused`, its answer with `Outcome`.
 */
export type Done<T = void> = { ok: true; value: T };

/** One member per reason (so `if (r.reason === "a") …` narrows the rest). */
export type Refused<R extends string, X extends object = object> = R extends string ? { ok: false; reason: R } & X : never;

export type Outcome<T = void, F extends Refused<string> = Refused<"not-found" | "conflict">> = Done<T> | F;
