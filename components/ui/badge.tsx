export type BadgeTone = "red" | "amber" | "green" | "slate" | "blue";

const TONES: Record<BadgeTone, string> = {
  red: "border-red-300 bg-red-50 text-red-800",
  amber: "border-amber-300 bg-amber-50 text-amber-900",
  green: "border-green-300 bg-green-50 text-green-800",
  slate: "border-slate-300 bg-slate-50 text-slate-700",
  blue: "border-sky-300 bg-sky-50 text-sky-900",
};

/** A badge always carries words; the colour only repeats them. */
export function Badge({ tone, children }: { tone: BadgeTone; children: React.ReactNode }) {
  return <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[tone]}`}>{children}</span>;
}
