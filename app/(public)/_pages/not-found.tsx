import Link from "next/link";
import { getDict } from "@/app/_lib/i18n";

/** 404 inside the public site (no locale is known here, so it speaks both languages). */
export default function PublicNotFound() {
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
