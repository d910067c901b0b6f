import { PublicLayoutBody } from "@/app/(public)/_pages/layout-body";

/*
 * Public pages in Chinese, at unprefixed URLs (/projects). The page bodies live in ../_pages and
 * are shared with the English tree (../en).
 *
 * Public pages are cached (ISR) and regenerated on demand when approved data or public records
 * change (app/_lib/revalidate.ts); nothing here may read cookies or headers. No page is kept from
 * the build (it runs on an empty database, scripts/start.ts): scripts/page-cache.ts drops the
 * build's copies before a server starts, and each page is rendered on first request.
 */
export const revalidate = 3600;
export const dynamicParams = true;

export default function ZhPublicLayout({ children }: { children: React.ReactNode }) {
  return <PublicLayoutBody locale="zh">{children}</PublicLayoutBody>;
}
