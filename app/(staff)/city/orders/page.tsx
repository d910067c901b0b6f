import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/guards";
import { can } from "@/domain/policy";
import { PUBLIC_ORDER_COUNTS_KEY } from "@/app/_lib/settings-keys";
import { getMetaValue } from "@/db/queries/meta";
import { setPublicOrderCountsAction } from "./actions";
import { ORDER_STATUS_LABELS } from "@/domain/labels";
import { todayInShanghai } from "@/domain/months";
import { OrderLevelBadge, OrderStatusBadge, OverdueBadge, overdueDays } from "@/components/orders/badges";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { listOrders, orderStatsByDistrict } from "@/db/queries/orders";
import { ORDER_STATUSES, type OrderStatus } from "@/domain/codes";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterFlag, FilterSelect } from "@/components/ui/filter-bar";
import { PageTools } from "../export/page-tools";
import { ordersExportUrl } from "../export/urls";

export const metadata: Metadata = { title: "督办" };

const STATUS_OPTIONS = [{ value: "active", label: "未销号" }, ...ORDER_STATUSES.map((s) => ({ value: s, label: ORDER_STATUS_LABELS[s] }))];

export default async function CityOrdersPage({ searchParams }: { searchParams: Promise<{ status?: string; district?: string; overdue?: string }> }) {
  const user = await requirePermission("order.issue", {}, { next: "/city/orders" });
  const campaign = await getCurrentCampaign();
  if (!campaign) notFound();
  const sp = await searchParams;
  const today = todayInShanghai();
  const status = (ORDER_STATUSES as readonly string[]).includes(sp.status ?? "") ? (sp.status as OrderStatus) : sp.status === "active" ? "active" : undefined;
  const stats = await orderStatsByDistrict(campaign.id, today);
  const districtId = stats.find((s) => s.code === sp.district)?.districtId;
  const orders = await listOrders(campaign.id, { kind: "all" }, { status, districtId, overdueBefore: sp.overdue === "1" ? today : undefined });
  const publicCounts = (await getMetaValue(PUBLIC_ORDER_COUNTS_KEY)) === "1";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">督办（闭环调度）</h1>
          <p className="mt-1 text-sm text-slate-600">从滞后指标、逾期难题或未填进度的项目下达督办单，责任单位反馈后审核销号；逾期未办结的自动升级一级。</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <PageTools exportHref={ordersExportUrl({ status: sp.status, district: sp.district, overdue: sp.overdue === "1" })} print={false} />
          <Link href="/city/meeting" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">调度会视图</Link>
          <Link href="/city/orders/new" className="rounded-md bg-brand-700 px-3 py-2 text-sm text-white">下达督办单</Link>
        </div>
      </div>
      <section aria-labelledby="by-district">
        <h2 id="by-district" className="mb-2 font-semibold">各区县督办情况</h2>
        <DataTable look="framed" caption="各区县在办、逾期、已销号督办单数和平均办结天数"
          columns={["区县", { label: "已下达", num: true }, { label: "在办", num: true }, { label: "逾期", num: true }, { label: "已销号", num: true }, { label: "平均办结天数", num: true }]}>
          {stats.map((s) => (
            <tr key={s.code} data-district={s.code}>
              <th scope="row"><Link href={`/city/orders?district=${s.code}`} className="underline decoration-slate-300">{s.name}</Link></th>
              <td className="num">{s.issued}</td>
              <td className="num" data-col="active">{s.active}</td>
              <td className={`num${s.overdue > 0 ? " font-semibold text-red-700" : ""}`} data-col="overdue">{s.overdue}</td>
              <td className="num" data-col="closed">{s.closed}</td>
              <td className="num">{s.avgDaysToClose == null ? "—" : s.avgDaysToClose.toFixed(1)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      {can(user, "campaign.manage") && (
        <form action={setPublicOrderCountsAction} className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
          <span>公开页面{publicCounts ? "正在" : "没有"}显示各区县督办单的下达数和销号数（不含内容）。</span>
          <input type="hidden" name="show" value={publicCounts ? "0" : "1"} />
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5">{publicCounts ? "停止公开" : "在公开页面显示"}</button>
        </form>
      )}
      <section aria-labelledby="list" className="space-y-2">
        <h2 id="list" className="font-semibold">督办单</h2>
        <FilterBar action="/city/orders" label="筛选督办单" layout="row" bare button="secondary" filtered={!!(sp.status || sp.overdue || sp.district)}
          extra={<FilterFlag name="overdue" label="只看逾期" checked={sp.overdue === "1"} />}>
          <FilterSelect name="status" label="状态" value={sp.status} options={STATUS_OPTIONS} />
          {sp.district && <input type="hidden" name="district" value={sp.district} />}
        </FilterBar>
        {orders.length === 0 ? (
          <p className="text-sm text-slate-600">没有符合条件的督办单。</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {orders.map((o) => (
              <li key={o.id} data-order={o.code} className="space-y-1 px-4 py-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/city/orders/${o.id}`} className="font-medium text-brand-700 underline">{o.code}</Link>
                  <OrderStatusBadge status={o.status} />
                  <OrderLevelBadge level={o.level} />
                  <OverdueBadge days={overdueDays(o, today)} />
                  <span className="text-slate-600">{o.districtName ?? o.departmentName} · 期限 {o.deadlineOn}</span>
                </div>
                <p className="text-slate-700">{o.issue}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
