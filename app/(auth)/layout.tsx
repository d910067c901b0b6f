import { DemoBanner } from "@/components/demo-banner";
import { SkipLink } from "@/components/skip-link";

// Per-request pages: they read the session and the database, and the database exists only at run
// time (never prerender them at build).
export const dynamic = "force-dynamic";


export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SkipLink />
      <DemoBanner />
      {children}
    </>
  );
}
