import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { monthLabel, monthOf, todayInShanghai } from "@/domain/months";
import { getPark } from "@/db/queries/parks";
import { getUnit } from "@/db/queries/records";
import { monthEditable, requireRecordAccess } from "../../_lib/access";
import { optionsOf, PARK_STATUS_LABELS } from "@/domain/record-labels";
import { BackLink } from "@/components/ui/pager";
import { Badge } from "@/components/ui/badge";
import { daysBehindPlan, RUNNING } from "../progress";
import { ParkStatusBadge } from "../status-badge";
import { ParkForm } from "./park-form";
import { formatBase, formatDateTime } from "@/domain/format";

export const metadata: Metadata = { title: "园区" };

export default async function ParkPage({ params }: { params: Promise<{ parkId: string }> }) {
  const user = await requireUser({ next: `/district/parks/${encodeURIComponent((await params).parkId)}` });
  const { parkId } = await params;
  const next = `/district/parks/${encodeURIComponent(parkId)}`;
  const access = await requireRecordAccess(user, "parks", next);
  if (!/^[1-9]\d{0,8}$/.test(parkId)) notFound();
  const park = await getPark(Number(parkId), access.campaignId);
  if (!park) notFound();
  // Another district's park: 403, audited.
  await requirePermission("report.read", { districtId: park.districtId, ownerDepartmentIds: access.owners.parks }, { next });
  const mu = await getUnit("mu");
  const today = todayInShanghai();
  const late = daysBehindPlan(park, today);
  const trialMonth = RUNNING.includes(park.status) && park.trialOperationOn ? monthOf(park.trialOperationOn) : null;
  const trialMonthOpen = trialMonth ? await monthEditable(user, { campaignId: access.campaignId, districtId: park.districtId, ownerDepartmentIds: access.owners.parks }, trialMonth) : true;

  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/district/parks">园区</BackLink>
      <div>
        <h1 className="text-2xl font-bold">{park.name}</h1>
        <p className="text-sm text-slate-600">
          {park.districtName} · {park.isPilot ? "市级试点园区" : "非试点园区"} · 面积 {park.areaMu === null ? "—" : `${formatBase(park.areaMu, mu?.scale ?? 100, 2)} ${mu?.symbol ?? "亩"}`}
        </p>
        <p className="mt-1 flex flex-wrap gap-2">
          <ParkStatusBadge status={park.status} />
          {late !== null && <Badge tone="red">超计划 {late} 天未试运营</Badge>}
        </p>
      </div>
      {!trialMonthOpen && trialMonth && (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          该园区已计入{park.districtName}{monthLabel(trialMonth)}的试运营数，该月已报送、审核通过或锁定：试运营日期不能再修改，也不能退回到试运营前的状态。计划试运营日期和“试运营 ↔ 正式运营”仍可修改。
        </p>
      )}
      <section aria-labelledby="edit-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="edit-heading" className="mb-3 text-lg font-semibold">更新状态与日期</h2>
        <ParkForm
          id={park.id}
          version={park.version}
          saved={{ status: park.status, plannedTrialOn: park.plannedTrialOn ?? "", trialOperationOn: park.trialOperationOn ?? "" }}
          statuses={optionsOf(PARK_STATUS_LABELS)}
        />
        {park.updatedByName && <p className="mt-3 text-xs text-slate-500">最后修改：{park.updatedByName} · {formatDateTime(park.updatedAt)}</p>}
      </section>
    </div>
  );
}
