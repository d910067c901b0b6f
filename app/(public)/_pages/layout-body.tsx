import { DemoBanner } from "@/components/demo-banner";
import { SkipLink } from "@/components/skip-link";
import { getDict } from "@/app/_lib/i18n";
import type { Locale } from "@/app/_lib/locale";

/** What wraps every public page of one language: its lang, the skip link and the demo banner. */
export function PublicLayoutBody({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return (
    // English pages put Latin fonts first (the site's stack starts with CJK fonts, whose quotes are full-width).
    <div lang={locale === "en" ? "en" : "zh-CN"} className={locale === "en" ? "[font-family:ui-sans-serif,system-ui,-apple-system,'Segoe_UI',Roboto,'Helvetica_Neue',Arial,'Noto_Sans',sans-serif]" : undefined}>
      <SkipLink label={getDict(locale).site.skipToContent} />
      <DemoBanner locale={locale} />
      {children}
    </div>
  );
}
