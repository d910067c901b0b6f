/**
 * The one pill. A badge always carries words; the colour only repeats them.
 * `tone` picks one of the kit's colours; `colors` takes a domain style map's classes instead
 * (report states, order states, pace). `look`: "outline" (border, medium weight: the default),
 * "soft" (fill only: state pills in tables), "strong" (fill, medium weight), "ring" (inset ring,
 * public pages), "pace" (the pace pill: shape, colours and dot from the `.pace` rules in
 * app/globals.css, chosen by its data-pace, so a row of sixty pills carries one short class), "pace-ring" (the
 * public pages' pace pill, `.pace-ring`, chosen by its data-status).
 * `dot` puts a coloured dot before the words (its colour classes).
 */
import type { ReactNode } from "react";

export type BadgeTone = "red" | "amber" | "green" | "slate" | "blue";

export const BADGE_TONES: Record<BadgeTone, string> = {
  red: "border-red-300 bg-red-50 text-red-800",
  amber: "border-amber-300 bg-amber-50 text-amber-900",
  green: "border-green-300 bg-green-50 text-green-800",
  slate: "border-slate-300 bg-slate-50 text-slate-700",
  blue: "border-sky-300 bg-sky-50 text-sky-900",
};

/** Soft pills: fill and text only. */
export const SOFT_TONES: Record<BadgeTone, string> = {
  red: "bg-red-50 text-red-800",
  amber: "bg-amber-50 text-amber-900",
  green: "bg-green-50 text-green-800",
  slate: "bg-slate-200 text-slate-700",
  blue: "bg-sky-50 text-sky-900",
};

const LOOKS = {
  outline: "inline-block border font-medium whitespace-nowrap",
  soft: "",
  strong: "font-medium",
  ring: "inline-flex items-center gap-1 whitespace-nowrap font-medium ring-1 ring-inset",
  pace: "",
  "pace-ring": "",
} as const;

export function Badge(props: {
  tone?: BadgeTone;
  colors?: string;
  look?: keyof typeof LOOKS;
  dot?: string;
  /** Never wrap (soft and strong pills wrap unless told). */
  nowrap?: boolean;
  title?: string;
  /** Layout classes only (a margin). */
  className?: string;
  data?: Record<`data-${string}`, string | boolean | undefined>;
  children: ReactNode;
}) {
  const look = props.look ?? "outline";
  if (look === "pace" || look === "pace-ring") {
    return (
      <span {...props.data} title={props.title} className={props.className ? `${look} ${props.className}` : look}>
        {props.children}
      </span>
    );
  }
  const colors = props.colors ?? (look === "outline" ? BADGE_TONES : SOFT_TONES)[props.tone ?? "slate"];
  const cls = ["rounded-full px-2 py-0.5 text-xs", props.dot ? LOOKS[look].replace("inline-block", "inline-flex items-center gap-1") : LOOKS[look], props.nowrap && "whitespace-nowrap", colors, props.className].filter(Boolean).join(" ");
  return (
    <span {...props.data} title={props.title} className={cls}>
      {props.dot && <span aria-hidden="true" className={`inline-block h-1.5 w-1.5 rounded-full ${props.dot}`} />}
      {props.children}
    </span>
  );
}
