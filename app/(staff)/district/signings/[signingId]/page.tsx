import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { monthLabel, monthOf } from "@/domain/months";
import { getSigning, listEvents } from "@/db/queries/signings";
import { monthEditable, requireRecordAccess } from "../../_lib/access";
import { BackLink } from "@/components/ui/pager";
import { Badge } from "@/components/ui/badge";
import { CreatedNotice } from "@/components/ui/form-message";
import { yiInput, yiText } from "../amount";
import { moneyUnit } from "../write";
import { EditSigningForm } from "./edit-signing-form";
import { SigningEvidence } from "@/components/evidence/signing-evidence";
import { formatDateTime } from "@/domain/format";

export const metadata: Metadata = { title: "签约项目" };

export default async function SigningPage({ params, searchParams }: { params: Promise<{ signingId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser({ next: `/district/signings/${encodeURIComponent((await params).signingId)}` });
  const { signingId } = await params;
  const next = `/district/signings/${encodeURIComponent(signingId)}`;
  const access = await requireRecordAccess(user, "signings", next);
  if (!/^[1-9]\d{0,8}$/.test(signingId)) notFound();
  const signing = await getSigning(Number(signingId), access.campaignId);
  if (!signing) notFound();
  // Another district's signing: 403, audited.
  await requirePermission("report.read", { districtId: signing.districtId, ownerDepartmentIds: access.owners.signings }, { next });
  const query = await searchParams;
  const { created } = query;
  const str = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const [events, unit] = await Promise.all([listEvents(access.campaignId), moneyUnit()]);
  const scope = { campaignId: access.campaignId, districtId: signing.districtId, ownerDepartmentIds: access.owners.signings };
  const signedMonth = monthOf(signing.signedOn);
  const signedOpen = await monthEditable(user, scope, signedMonth);
  const landedMonth = signing.landedOn ? monthOf(signing.landedOn) : null;
  const landedOpen = landedMonth ? await monthEditable(user, scope, landedMonth) : true;

  const saved = {
    name: signing.name,
    investor: signing.investor,
    amount: yiInput(signing.amount, unit.scale),
    isOverseas: signing.isOverseas ? "1" : "",
    isCultureTourism: signing.isCultureTourism ? "1" : "",
    eventId: signing.eventId?.toString() ?? "",
    signedOn: signing.signedOn,
    landedOn: signing.landedOn ?? "",
    isPublic: signing.isPublic ? "1" : "",
  };

  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/district/signings">签约项目</BackLink>
      <div>
        <h1 className="text-2xl font-bold">{signing.name}</h1>
        <p className="text-sm text-slate-600">
          {signing.districtName} · {yiText(signing.amount, unit.scale)} {unit.symbol} · 签约 {signing.signedOn} ·{" "}
          {signing.landedOn ? `落地 ${signing.landedOn}` : "未落地"}
        </p>
        <p className="mt-1 flex flex-wrap gap-2">
          {signing.isOverseas && <Badge tone="blue">侨港澳台</Badge>}
          {signing.isCultureTourism && <Badge tone="blue">文旅</Badge>}
          {signing.landedOn ? <Badge tone="green">已落地</Badge> : <Badge tone="slate">未落地</Badge>}
          {!signing.isPublic && <Badge tone="slate">不公开</Badge>}
        </p>
      </div>
      {created === "1" && <CreatedNotice>签约项目已登记。</CreatedNotice>}
      {(!signedOpen || !landedOpen) && (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {!signedOpen && `签约日期所在的${monthLabel(signedMonth)}已报送、审核通过或锁定：签约金额、签约日期和侨港澳台/文旅标记不能再修改。`}
          {!landedOpen && landedMonth && `落地日期所在的${monthLabel(landedMonth)}已报送、审核通过或锁定：落地日期不能再修改。`}
          项目名称、投资方、签约活动和是否公开仍可修改。
        </p>
      )}
      <section aria-labelledby="edit-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="edit-heading" className="mb-3 text-lg font-semibold">修改签约信息</h2>
        <EditSigningForm
          id={signing.id}
          version={signing.version}
          saved={saved}
          choices={{ events: events.map((e) => ({ value: String(e.id), label: e.heldOn ? `${e.name}（${e.heldOn}）` : e.name })), unitSymbol: unit.symbol }}
        />
        {signing.updatedByName && <p className="mt-3 text-xs text-slate-500">最后修改：{signing.updatedByName} · {formatDateTime(signing.updatedAt)}</p>}
      </section>
      <SigningEvidence signingId={signing.id} canAttach={signedOpen} query={{ ev: str(query.ev), evs: str(query.evs), evn: str(query.evn) }} />
    </div>
  );
}
