import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCampaignRollups } from "@/app/_lib/city-data";
import { requirePermission } from "@/app/_lib/guards";
import { ORDER_STATUS_LABELS } from "@/domain/labels";
import { isDate, monthLabel, todayInShanghai } from "@/domain/months";
import { OrderLevelBadge, OrderStatusBadge, OverdueBadge, overdueDays } from "@/components/orders/badges";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { listOrders } from "@/db/queries/orders";
import { listMonthApprovals } from "@/db/queries/leader-month";
import { chooseLeaderMonth } from "../_components/leader-month";
import { DataTable } from "@/components/ui/data-table";
import { Picker, PickerDate } from "@/components/ui/picker";

export const metadata: Metadata = { title: "调度会" };

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The dispatch meeting (调度会) sheet for a date: every open order and every lagging item,
 * grouped by district, and what became of the orders issued since the previous meeting.
 */
export default async function MeetingPage({ searchParams }: { searchParams: Promise<{ date?: string; since?: string }> }) {
  await requirePermission("order.issue", {}, { next: "/city/meeting" });
  const campaign = await getCurrentCampaign();
  if (!campaign) notFound();
  const sp = await searchParams;
  const date = isDate(sp.date) ? sp.date : todayInShanghai();
  const since = isDate(sp.since) ? sp.since : addDays(date, -14);
  // The leaders' month (latest with approved reports), not a month that has only just opened.
  const month = chooseLeaderMonth(await listMonthApprovals(campaign.id)).month;
  const [orders, rollups] = await Promise.all([listOrders(campaign.id, { kind: "all" }), month ? getCampaignRollups(campaign.id, month, "all", campaign.paceWarnBp) : null]);
  const open = orders.filter((o) => o.status !== "closed");
  const lastMeeting = orders.filter((o) => o.issuedAt.slice(0, 10) >= since && o.issuedAt.slice(0, 10) < date);
  const districts = rollups?.districts ?? [];
  const lagging = new Map<number, { name: string; reason: string; gap: number }[]>();
  for (const ind of rollups?.indicators ?? []) {
    for (const d of districts) {
      const v = ind.rollup.districts.get(d.id);
      if (v && (v.pace.status === "lagging" || v.pace.status === "behind")) {
        const list = lagging.get(d.id) ?? [];
        list.push({ name: ind.name, reason: v.pace.reason, gap: v.pace.gapPoints ?? 0 });
        lagging.set(d.id, list);
      }
    }
  }
  return (
    <div className="space-y-6">
      <div className="no-print flex flex-wrap items-end justify-between gap-3">
        <Picker label="选择会议日期" submitLabel="生成">
          <PickerDate name="date" label="会议日期" value={date} />
          <PickerDate name="since" label="上次会议日期" value={since} />
        </Picker>
        <p className="text-sm text-slate-600">用浏览器“打印”即可打印或另存为 PDF。</p>
      </div>
      <header>
        <h1 className="text-2xl font-bold">重点项目调度会 · {date}</h1>
        <p className="mt-1 text-sm text-slate-600">
          在办督办单 {open.length} 件；滞后指标按{month ? monthLabel(month) : "—"}数据（含未审核）统计；上次会议（{since}）以来下达 {lastMeeting.length} 件。
        </p>
      </header>
      <section aria-labelledby="last">
        <h2 id="last" className="mb-2 text-lg font-semibold">上次会议以来督办事项的办理结果</h2>
        {lastMeeting.length === 0 ? (
          <p className="text-sm text-slate-600">上次会议以来没有下达督办单。</p>
        ) : (
          <DataTable caption="上次会议以来下达的督办单及其当前状态" density="dense" head={<>
              <tr className="border-slate-300">
                <th scope="col">编号</th>
                <th scope="col">责任单位</th>
                <th scope="col">事项</th>
                <th scope="col">结果</th>
              </tr>
          </>}>
              {lastMeeting.map((o) => (
                <tr key={o.id}>
                  <td><Link href={`/city/orders/${o.id}`} className="underline">{o.code}</Link></td>
                  <td>{o.districtName ?? o.departmentName}</td>
                  <td>{o.issue}</td>
                  <td>{ORDER_STATUS_LABELS[o.status]}</td>
                </tr>
              ))}
          </DataTable>
        )}
      </section>
      <section aria-labelledby="by-district" className="space-y-4">
        <h2 id="by-district" className="text-lg font-semibold">分区县：在办督办单和滞后指标</h2>
        {districts.map((d) => {
          const mine = open.filter((o) => o.districtId === d.id);
          const lag = (lagging.get(d.id) ?? []).sort((a, b) => a.gap - b.gap);
          if (mine.length === 0 && lag.length === 0) return null;
          return (
            <article key={d.id} data-district={d.code} className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="font-semibold">{d.name}</h3>
              {mine.length > 0 && (
                <ul className="mt-2 space-y-1 text-sm">
                  {mine.map((o) => (
                    <li key={o.id} className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{o.code}</span>
                      <OrderStatusBadge status={o.status} />
                      <OrderLevelBadge level={o.level} />
                      <OverdueBadge days={overdueDays(o, todayInShanghai())} />
                      <span>{o.issue}</span>
                    </li>
                  ))}
                </ul>
              )}
              {lag.length > 0 && (
                <ul className="mt-2 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
                  {lag.map((l) => (
                    <li key={l.name}>{l.name}：{l.reason}</li>
                  ))}
                </ul>
              )}
            </article>
          );
        })}
        {open.filter((o) => o.districtId == null).length > 0 && (
          <article className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="font-semibold">市直部门</h3>
            <ul className="mt-2 space-y-1 text-sm">
              {open.filter((o) => o.districtId == null).map((o) => (
                <li key={o.id}>{o.code} · {o.departmentName}：{o.issue}（{ORDER_STATUS_LABELS[o.status]}）</li>
              ))}
            </ul>
          </article>
        )}
      </section>
    </div>
  );
}
