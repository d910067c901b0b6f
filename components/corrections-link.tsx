import Link from "next/link";

/**
 * A link to the staff history of corrections (/city/corrections), filtered to what the reader is
 * looking at: a district, a month, an indicator (codes, as in the URL). Place it beside a figure;
 * it reads nothing itself. Staff pages only (the page behind it needs `city.read`).
 */
export function CorrectionsLink({ district, month, indicator, children = "更正记录" }: { district?: string; month?: string; indicator?: string; children?: React.ReactNode }) {
  const q = new URLSearchParams();
  if (district) q.set("district", district);
  if (month) q.set("month", month);
  if (indicator) q.set("indicator", indicator);
  const qs = q.toString();
  return (
    <Link href={`/city/corrections${qs ? `?${qs}` : ""}`} className="text-sm text-brand-700 underline">
      {children}
    </Link>
  );
}
