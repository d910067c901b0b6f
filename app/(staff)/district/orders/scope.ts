import "server-only";
import type { SessionUser } from "@/app/_lib/guards";
import type { OrderScope } from "@/db/queries/orders";
import { workScopeOf } from "@/domain/work-scope";

/** The orders an editor answers: their district's or their department's (from the session, never the URL). */
export function editorOrderScope(user: SessionUser): OrderScope | null {
  const scope = workScopeOf(user);
  return scope.kind === "district" || scope.kind === "department" ? scope : null;
}
