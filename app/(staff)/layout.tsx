import { DemoBanner } from "@/components/demo-banner";
import { StaffHeader } from "@/components/site-header";
import { SkipLink } from "@/components/skip-link";
import { getCurrentUser } from "@/app/_lib/guards";
import { ROLE_LABELS } from "@/domain/labels";
import { countUnreadNotifications } from "@/db/queries/notifications";
import { signOutAction } from "./account/actions";

// Per-request pages: they read the session and the database, and the database exists only at run
// time (never prerender them at build).
export const dynamic = "force-dynamic";


/** The signed-in shell. Each page still calls its own guard: a layout is not a security boundary. */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  const unread = user ? await countUnreadNotifications(user.id) : 0;
  return (
    <>
      <SkipLink />
      <DemoBanner />
      <StaffHeader user={user} roleLabel={user ? ROLE_LABELS[user.role] : ""} signOut={signOutAction} unread={unread} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
