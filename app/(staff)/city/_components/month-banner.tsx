/**
 * Says which month a city page shows when the URL named none: the latest month with approved
 * data, and the newer month already being filled with its approval count (or, before anything
 * is approved, that the newest month is shown and what "含未审核数据" means). Server component.
 */
import Link from "next/link";
import { monthLabel } from "@/domain/months";
import { cityHref } from "./city-params";
import type { LeaderMonth } from "./leader-month";

export interface MonthBannerProps {
  leader: LeaderMonth;
  defaulted: boolean;
  month: string;
  include: boolean;
  approved: number;
  total: number;
  path: string;
  extra?: Record<string, string | undefined>;
}

export function MonthBanner({ leader, defaulted, month, include, approved, total, path, extra = {} }: MonthBannerProps) {
  if (!defaulted) return null;
  if (leader.nothingApproved) {
    return (
      <p role="note" aria-label="默认月份" data-month-banner="none-approved" className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950">
        还没有审定的月份：正式口径下暂无数据。显示最新开放填报的{monthLabel(month)}（已审定 {approved}/{total} 个区县）。
        {include ? (
          "本页按“含未审核数据”口径显示填报中的数字：未经专项办审核，可能仍会修改，请勿对外引用。"
        ) : (
          <>
            可切换到
            <Link href={cityHref(path, { month, include: true }, extra)} className="mx-0.5 text-brand-700 underline">含未审核数据</Link>
            查看区县填报中的数字（未经审核，可能仍会修改，请勿对外引用）。
          </>
        )}
      </p>
    );
  }
  if (!leader.newer) return null;
  const n = leader.newer;
  return (
    <p role="note" aria-label="默认月份" data-month-banner="newer" className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950">
      显示{monthLabel(month)}（已审定 {approved}/{total} 个区县）。{monthLabel(n.month)}已开始填报：已审定 {n.official}/{n.total} 个区县
      <Link href={cityHref(path, { month: n.month, include }, extra)} className="ml-1 font-medium text-brand-700 underline">
        → 查看{monthLabel(n.month)}
      </Link>
    </p>
  );
}
