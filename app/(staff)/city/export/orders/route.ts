import { notFound } from "next/navigation";
import { xlsxResponse } from "@/app/_lib/excel/workbook";
import { requirePermission } from "@/app/_lib/guards";
import { ORDER_STATUS_LABELS } from "@/domain/labels";
import { todayInShanghai } from "@/domain/months";
import { overdueDays } from "@/components/orders/badges";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { getIsDemoData } from "@/db/queries/meta";
import { listOrders, orderStatsByDistrict } from "@/db/queries/orders";
import { ORDER_STATUSES, type OrderStatus } from "@/domain/codes";
import { aboutLines, aboutSheet, newWorkbook, orderSheets } from "../sheets";

/**
 * GET /city/export/orders?status=&district=&overdue=1 — the per-district counts and the orders
 * /city/orders lists with the same filters. Same permission as the page. Reading only: the
 * page's escalation of overdue orders is not run here (the timer does it; see README).
 */
export async function GET(request: Request): Promise<Response> {
  await requirePermission("order.issue", {}, { next: "/city/orders" });
  await requirePermission("export.download", {}, { next: "/city/orders" });
  const campaign = await getCurrentCampaign();
  if (!campaign) notFound();
  const sp = new URL(request.url).searchParams;
  const today = todayInShanghai();
  const s = sp.get("status") ?? "";
  const status = (ORDER_STATUSES as readonly string[]).includes(s) ? (s as OrderStatus) : s === "active" ? "active" : undefined;
  const [stats, demo] = await Promise.all([orderStatsByDistrict(campaign.id, today), getIsDemoData()]);
  const district = stats.find((x) => x.code === sp.get("district"));
  const overdue = sp.get("overdue") === "1";
  const orders = await listOrders(campaign.id, { kind: "all" }, { status, districtId: district?.districtId, overdueBefore: overdue ? today : undefined });
  const wb = newWorkbook();
  orderSheets(wb, stats, orders.map((o) => ({ ...o, overdueDays: overdueDays(o, today) })));
  const filters = [district?.name, status === "active" ? "未销号" : status ? ORDER_STATUS_LABELS[status] : undefined, overdue ? "只看逾期" : undefined].filter(Boolean);
  aboutSheet(wb, [
    ...aboutLines({ title: `${campaign.title}${campaign.subtitle} · 督办（闭环调度）`, cityName: campaign.cityName, year: campaign.year, month: null, include: null, demo }),
    `数据日期：${today}（逾期按北京时间当日计算）`,
    `督办单 ${orders.length} 件${filters.length > 0 ? `（筛选：${filters.join("，")}）` : "（全部）"}`,
  ]);
  return xlsxResponse(wb, `${campaign.cityName}${campaign.year}年督办单${demo ? "（演示数据）" : ""}.xlsx`);
}

