import { getDict } from "@/app/_lib/i18n/index";
import type { Locale } from "@/app/_lib/locale";
import type { PaceResult, PaceStatus } from "@/domain/pace";
import { Badge } from "@/components/ui/badge";

const BADGE: Record<PaceStatus, string> = {
  ahead: "bg-green-50 text-green-800 ring-green-200",
  behind: "bg-amber-50 text-amber-900 ring-amber-200",
  lagging: "bg-red-50 text-red-800 ring-red-200",
  no_target: "bg-slate-100 text-slate-700 ring-slate-200",
  no_data: "bg-slate-100 text-slate-700 ring-slate-200",
};
const FILL: Record<PaceStatus, string> = { ahead: "bg-ahead", behind: "bg-behind", lagging: "bg-lagging", no_target: "bg-slate-400", no_data: "bg-slate-400" };
const MARK: Record<PaceStatus, string> = { ahead: "▲", behind: "▼", lagging: "▼", no_target: "", no_data: "" };

/** The pace in words ("完成 62.4%，序时 66.7%，落后 4.3 个百分点"), in the page's language. */
export function paceReason(p: PaceResult, isRate: boolean, locale: Locale): string {
  return getDict(locale).pace.reason({ ...p, zhReason: p.reason }, isRate);
}

/** A status word with its colour; the colour never carries the meaning alone. */
export function PaceBadge({ pace, isRate, locale }: { pace: PaceResult; isRate: boolean; locale: Locale }) {
  const t = getDict(locale);
  const label = (isRate ? t.pace.rateStatus : t.pace.status)[pace.status];
  return (
    <Badge look="ring" data={{ "data-status": pace.status }} colors={BADGE[pace.status]}>
      {MARK[pace.status] && <span aria-hidden="true">{MARK[pace.status]}</span>}
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
  const mark = pace.expected;
  const width = `${Math.max(0, Math.min(1, fill)) * 100}%`;
  const showBar = pace.status !== "no_target" && pace.status !== "no_data";
  return (
    <div className={compact ? "mt-1" : "mt-1.5"}>
      {showBar && (
        <div aria-hidden="true" className="relative h-2 w-full max-w-xs overflow-visible rounded-full bg-slate-200">
          <div className={`h-2 rounded-full ${FILL[pace.status]}`} style={{ width }} />
          <div className="absolute -top-1 h-4 w-0.5 bg-slate-700" style={{ left: `calc(${Math.min(1, mark) * 100}% - 1px)` }} />
        </div>
      )}
      <p className="mt-1 text-xs leading-snug text-slate-700">
        <PaceBadge pace={pace} isRate={isRate} locale={locale} /> <span data-reason>{paceReason(pace, isRate, locale)}</span>
      </p>
    </div>
  );
}
