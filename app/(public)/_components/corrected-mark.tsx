import { getDict } from "@/app/_lib/i18n/index";
import { localePath, type Locale } from "@/app/_lib/locale";

/**
 * "已更正 2023年11月5日" beside a published value that includes a corrected month (`at`: when the
 * latest such correction was approved), linking to the indicator's public correction history.
 * Renders nothing when the value includes no correction.
 */
export function CorrectedMark({ locale, at, indicatorCode, block = false }: { locale: Locale; at: string | null | undefined; indicatorCode: string; block?: boolean }) {
  if (!at) return null;
  const t = getDict(locale);
  const mark = (
    <a
      href={localePath(locale, `/corrections/${encodeURIComponent(indicatorCode)}`)}
      data-corrected={at}
      className="inline-block rounded border border-amber-300 bg-amber-50 px-1.5 py-0.5 text-xs font-normal whitespace-nowrap text-amber-900 no-underline hover:underline"
    >
      {t.corrections.mark(t.corrections.day(at))}
      <span className="sr-only">{t.corrections.markLink}</span>
    </a>
  );
  // In a table cell: on its own line under the value.
  return block ? <span className="mt-0.5 block">{mark}</span> : mark;
}
