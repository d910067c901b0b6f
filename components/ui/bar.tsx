/**
 * A thin progress bar: the fill is a share (0–1, clamped), the tick the point expected by now
 * (序时, or a rate's target level). Decorative (aria-hidden): the same numbers are always printed
 * next to it. One element: the fill and the tick are drawn by the `.bar` rules in
 * app/globals.css from --s and --e, coloured by data-tone (a pace status); `large` is the
 * public pages' taller bar.
 */
import type { CSSProperties } from "react";

const pct = (x: number) => `${+(Math.max(0, Math.min(1, x)) * 100).toFixed(2)}%`;

export function Bar({ share, tick, tone, large = false, className }: { share: number | null; tick: number | null; tone: string; large?: boolean; className?: string }) {
  const style: Record<string, string> = {};
  if (share != null) style["--s"] = pct(share);
  if (tick != null) style["--e"] = pct(tick);
  const cls = ["bar", large && "bar-lg", tick != null && "bar-tick", className].filter(Boolean).join(" ");
  return <span aria-hidden="true" data-tone={tone} className={cls} style={style as CSSProperties} />;
}
