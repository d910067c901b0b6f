import { notFound } from "next/navigation";
import { DemoBanner } from "@/components/demo-banner";
import { SkipLink } from "@/components/skip-link";
import { getDict } from "@/app/_lib/i18n";
import { isLocale } from "@/app/_lib/locale";

/*
 * Public pages are cached (ISR) and regenerated on demand when approved data or public records
 * change (app/_lib/revalidate.ts); nothing here may read cookies or headers. No page is built at
 * build time (the database is only there at run time): each is rendered on first request.
 */
export const revalidate = 3600;
export const dynamicParams = true;

export function generateStaticParams(): { locale: string }[] {
  return [];
}

export default async function PublicLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return (
    // English pages put Latin fonts first (the site's stack starts with CJK fonts, whose quotes are full-width).
    <div lang={locale === "en" ? "en" : "zh-CN"} className={locale === "en" ? "[font-family:ui-sans-serif,system-ui,-apple-system,'Segoe_UI',Roboto,'Helvetica_Neue',Arial,'Noto_Sans',sans-serif]" : undefined}>
      <SkipLink label={getDict(locale).site.skipToContent} />
      <DemoBanner locale={locale} />
      {children}
    </div>
  );
}


