import Link from "next/link";
import { getDict } from "@/app/_lib/i18n";

/**
 * The site's 404 page, in both languages (a missing address has no language of its own): the root
 * not-found, the public trees' not-found, and what the front server sends in place of the bare
 * error document Next.js renders for a 404 of a cached dynamic page (scripts/server.mjs).
 */
export function NotFoundPage() {
  const zh = getDict("zh");
  const en = getDict("en");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{zh.common.notFoundTitle}</h1>
      <p className="mt-2 text-slate-600">{zh.common.notFoundBody}</p>
      <p lang="en" className="mt-4 text-slate-600">
        {en.common.notFoundTitle}. {en.common.notFoundBody}
      </p>
      <p className="mt-6 flex justify-center gap-4">
        <Link href="/" className="text-brand-700 underline">{zh.common.backHome}</Link>
        <Link href="/en" lang="en" className="text-brand-700 underline">{en.common.backHome}</Link>
      </p>
    </main>
  );
}
