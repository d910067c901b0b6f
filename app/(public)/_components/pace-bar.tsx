import { getDict } from "@/app/_lib/i18n/index";
import type { Locale } from "@/app/_lib/locale";
import type { PaceResult } from "@/domain/pace";
import { Badge } from "@/components/ui/badge";
import { Bar } from "@/components/ui/bar";

/** The pace in words ("完成 62.4%，序时 66.7%，落后 4.3 个百分点"), in the page's language. */
export function paceReason(p: PaceResult, isRate: boolean, locale: Locale): string {
  return getDict(locale).pace.reason({ ...p, zhReason: p.reason }, isRate);
}

/**
 * A status word with its colour; the colour never carries the meaning alone. The ▲/▼ mark in
 * front of it is drawn by `.pace-ring` (app/globals.css) from data-status, hidden from screen
 * readers: the word says it.
 */
export function PaceBadge({ pace, isRate, locale }: { pace: PaceResult; isRate: boolean; locale: Locale }) {
  const t = getDict(locale);
  const label = (isRate ? t.pace.rateStatus : t.pace.status)[pace.status];
  return (
    <Badge look="pace-ring" data={{ "data-status": pace.status }}>
      {label}
    </Badge>
  );
}

/**
 * Progress bar with the expected point (序时) marked, then the status word and the reason in
 * words. The bar is decoration (aria-hidden): everything it shows is in the text.
 * For a rate the bar shows the level (0–100%) with the target marked.
 */
export function PaceBar({ pace, isRate, locale, rate, compact = false }: { pace: PaceResult; isRate: boolean; locale: Locale; rate?: number | null; compact?: boolean }) {
  const fill = isRate ? (rate ?? 0) : (pace.share ?? 0);
  // The expected point: 序时 share of the target, or the target level of a rate.
  const showBar = pace.status !== "no_target" && pace.status !== "no_data";
  return (
    <div className={compact ? "pace-bar pace-bar-compact" : "pace-bar"}>
      {showBar && <Bar share={fill} tick={Math.min(1, pace.expected)} tone={pace.status} large />}
      <p>
        <PaceBadge pace={pace} isRate={isRate} locale={locale} /> <span data-reason>{paceReason(pace, isRate, locale)}</span>
      </p>
    </div>
  );
}
