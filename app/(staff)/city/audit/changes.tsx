import Link from "next/link";
import type { Change } from "@/domain/audit/describe";
import { figureHistoryHref } from "./filters";

/** "城建项目完成投资 12.3 亿元 → 13.98 亿元", one line per change; a figure's name links to its history. */
export function ChangeList({ changes, districtId, month }: { changes: readonly Change[]; districtId: number | null; month: string | null }) {
  if (changes.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <ul className="space-y-1">
      {changes.map((c, i) => (
        <li key={i} className="break-words">
          {c.indicatorId !== undefined && districtId !== null && month ? (
            <Link href={figureHistoryHref(districtId, month, c.indicatorId)} className="font-medium text-brand-700 underline" title="这个数字的变更记录">
              {c.label}
            </Link>
          ) : (
            <span className="font-medium">{c.label}</span>
          )}{" "}
          <span className="tabular">{c.from}</span> → <span className="tabular">{c.to}</span>
        </li>
      ))}
    </ul>
  );
}
