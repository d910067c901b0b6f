import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/guards";
import { getDistrictName, listReportingDistricts } from "@/db/queries/records";
import { listEvents } from "@/db/queries/signings";
import { requireRecordAccess } from "../../_lib/access";
import { BackLink } from "@/components/ui/pager";
import { moneyUnit } from "../write";
import { NewSigningForm } from "./new-signing-form";

export const metadata: Metadata = { title: "登记签约" };

export default async function NewSigningPage() {
  const user = await requireUser({ next: "/district/signings/new" });
  const access = await requireRecordAccess(user, "signings", "/district/signings/new");
  const [events, districts, unit, districtName] = await Promise.all([
    listEvents(access.campaignId),
    access.districtId === null ? listReportingDistricts() : null,
    moneyUnit(),
    access.districtId !== null ? getDistrictName(access.districtId) : null,
  ]);
  return (
    <div className="max-w-2xl space-y-4">
      <BackLink href="/district/signings">签约项目</BackLink>
      <h1 className="text-2xl font-bold">登记签约{districtName && <span className="ml-2 text-base font-normal text-slate-500">{districtName}</span>}</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <NewSigningForm
          choices={{
            events: events.map((e) => ({ value: String(e.id), label: e.heldOn ? `${e.name}（${e.heldOn}）` : e.name })),
            districts: districts?.map((d) => ({ value: String(d.id), label: d.name })),
            unitSymbol: unit.symbol,
          }}
        />
      </div>
    </div>
  );
}
