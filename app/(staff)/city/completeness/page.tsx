import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/guards";
import { monthLabel, todayInShanghai } from "@/domain/months";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { PageTools } from "../export/page-tools";
import { completenessExportUrl } from "../export/urls";
import { CompletenessTable } from "./board";
import { loadCompletenessBoard } from "./load";
import { RemindForm } from "./remind-form";
import { stateLabel } from "./status";

export const metadata: Metadata = { title: "报送完整性" };

export default async function CompletenessPage() {
  await requirePermission("city.read", {}, { next: "/city/completeness" });
  const campaign = await getCurrentCampaign();
  if (!campaign) notFound();
  const board = await loadCompletenessBoard(campaign.id);
  const last = board.months[board.months.length - 1];
  // 催报 targets the latest month: past its due date, not locked, districts that have not submitted.
  const late = last && !last.locked && todayInShanghai() > last.dueOn ? board.districts.flatMap((d) => {
    const c = last.cells.get(d.id);
    return c && (c.state === "missing" || c.state === "draft" || c.state === "returned") ? [{ id: d.id, name: d.name, label: stateLabel(c) }] : [];
  }) : [];
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">报送完整性</h1>
          <p className="mt-1 text-sm text-slate-600">
            {campaign.cityName}{campaign.year}年各区县月报的报送和审核情况
            {last ? `（${monthLabel(board.months[0]!.month)}至${monthLabel(last.month)}）` : ""}。按时 = 在截止日（含当日，北京时间）前报送。
          </p>
        </div>
        <PageTools exportHref={completenessExportUrl()} />
      </div>
      {last && late.length > 0 && <RemindForm month={last.month} monthText={monthLabel(last.month)} late={late} />}
      {board.months.length === 0 ? (
        <p className="text-sm text-slate-600">还没有开放填报的月份。</p>
      ) : (
        <CompletenessTable board={board} caption="各区县各月报送和审核情况" />
      )}
      <p className="text-xs text-slate-600">
        说明：“已审核”“待审核”“已退回”下方注明是否按时报送（截止日后报送的写明晚了几天）；“草稿未报”为已开始填写但未报送；“缺报”为截止日已过仍未开始填报；“逾期 N 天”只用于截止日已过、至今仍未报送的月份，按该月自己的截止日计算。截止日早于专项在系统中建立的月份，以及专项办在“月份与锁定”中标为历史补录的月份，是历史补录：事后报送的记为“补录”，不计迟报；专项结束后或补录月份仍未报送的只注明“已过截止日”。
      </p>
    </div>
  );
}
