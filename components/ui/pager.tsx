import Link from "next/link";

/** Previous / next links with "第 n / m 页"; nothing when everything fits on one page. */
export function Pager({ page, lastPage, hrefFor }: { page: number; lastPage: number; hrefFor: (page: number) => string }) {
  if (lastPage <= 1) return null;
  return (
    <nav aria-label="分页" className="flex items-center justify-between text-sm">
      {page > 1 ? <Link href={hrefFor(page - 1)} className="text-brand-700 underline">← 上一页</Link> : <span />}
      <span className="text-slate-600">第 {page} / {lastPage} 页</span>
      {page < lastPage ? <Link href={hrefFor(page + 1)} className="text-brand-700 underline">下一页 →</Link> : <span />}
    </nav>
  );
}

export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p className="text-sm">
      <Link href={href} className="text-brand-700 underline">← {children}</Link>
    </p>
  );
}
