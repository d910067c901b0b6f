import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/guards";
import { monthLabel, ytdLabel } from "@/domain/months";
import { getKeyProjectSectors, getKeyProjectSectorsByDistrict } from "@/app/_lib/city-data";
import { cityHref, firstParam, type SearchParams } from "../_components/city-params";
import { keyProjectHeadline, SectorSentences, SectorTable, sumSectors } from "../_components/key-projects";
import { loadCityContext } from "../_components/load";
import { PaceLegend } from "../_components/pace-legend";
import { CityPageHeader, NoCampaign } from "../_components/page-header";
import { PageTools } from "../export/page-tools";
import { sectorsExportUrl } from "../export/urls";
import { Picker, PickerSelect } from "@/components/ui/picker";
import { KeptCityPage } from "../_components/kept-page";

export const metadata: Metadata = { title: "市重点项目" };

export default async function KeyProjectsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("city.read", {}, { next: "/city/projects" });
  const sp = await searchParams;
  return (
    <KeptCityPage page="/city/projects" reader={user} params={sp}>
      <KeyProjectsBody sp={sp} />
    </KeptCityPage>
  );
}

async function KeyProjectsBody({ sp }: { sp: SearchParams }) {
  const ctx = await loadCityContext(sp);
  if (!ctx) return <NoCampaign />;
  const { campaign, view, rollups } = ctx;
  const district = rollups.districts.find((d) => d.code === firstParam(sp.district)) ?? null;
  const warn = campaign.paceWarnBp;
  // Two queries (the city, then every district at once), not one per district.
  const [citySectors, byDistrict] = await Promise.all([getKeyProjectSectors(campaign.id, view.month, view.mode), getKeyProjectSectorsByDistrict(campaign.id, view.month, view.mode)]);
  const perDistrict = rollups.districts.map((d) => ({ d, rows: byDistrict.get(d.id) ?? [] }));
  const cityTotal = sumSectors(citySectors);
  const districtRows = perDistrict.find((x) => x.d.id === district?.id)?.rows ?? [];
  const ytd = ytdLabel(view.month);
  // The indicator counting key projects' monthly investment (a derivation rule, not a fixed code).
  const investment = rollups.indicators.find((i) => i.derivation?.rule === "project_investment" && i.derivation.params.keyOnly === true);
  const sectorRows = (rows: typeof citySectors) => rows.map((r) => ({ ...r, key: String(r.sectorId ?? "none"), label: r.sectorName }));

  return (
    <div className="space-y-6">
      <CityPageHeader ctx={ctx} path="/city/projects" title={`市重点项目 · ${monthLabel(view.month)}`} subtitle={`按行业和区县：项目数、总投资、年度计划投资、${ytd}完成投资、完成年度计划的比例和比序时进度。金额单位：亿元。`} extra={{ district: district?.code }}>
        <p className="mb-1 text-sm">
          <Link href={cityHref("/city", view)} className="text-brand-700 underline">← 全市总览</Link>
        </p>
      </CityPageHeader>
      <PageTools exportHref={sectorsExportUrl({ ...view, district: district?.code })} />
      <PaceLegend warnBp={warn} />

      <section aria-labelledby="city-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="city-heading" className="text-base font-semibold">全市市重点项目</h2>
        <p data-key-projects className="font-medium">{keyProjectHeadline("全市", cityTotal, view.month, warn)}。</p>
        <SectorSentences rows={citySectors} month={view.month} warnBp={warn} />
        <SectorTable caption={`全市市重点项目按行业${ytd}完成投资`} rows={sectorRows(citySectors)} total={cityTotal} totalLabel="全部市重点项目" month={view.month} warnBp={warn} />
      </section>

      <section aria-labelledby="district-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="district-heading" className="text-base font-semibold">分区县{district ? ` · ${district.name}` : ""}</h2>
          <Picker action="/city/projects" label="选择区县" noPrint hiddenFirst hidden={{ month: view.month, include: view.include && "unapproved" }}>
            <PickerSelect name="district" label="区县" value={district?.code ?? ""} blank="全部区县（对比）" options={rollups.districts.map((d) => ({ value: d.code, label: d.name }))} />
          </Picker>
        </div>
        {district ? (
          <>
            <p data-district-key-projects className="font-medium">{keyProjectHeadline(district.name, sumSectors(districtRows), view.month, warn)}。</p>
            <SectorSentences rows={districtRows} month={view.month} warnBp={warn} />
            <SectorTable caption={`${district.name}市重点项目按行业${ytd}完成投资`} rows={sectorRows(districtRows)} total={sumSectors(districtRows)} totalLabel={`${district.name}合计`} month={view.month} warnBp={warn} />
            {investment && (
              <p className="text-sm">
                <Link href={cityHref(`/city/districts/${district.code}`, view, { indicator: investment.code })} className="text-brand-700 underline">查看{district.name}各项目逐月完成投资</Link>
              </p>
            )}
          </>
        ) : (
          <SectorTable
            caption={`各区县市重点项目${ytd}完成投资`}
            firstHeader="区县"
            rows={perDistrict.map(({ d, rows }) => ({ ...sumSectors(rows), key: d.code, label: d.name }))}
            total={cityTotal}
            totalLabel="全市"
            month={view.month}
            warnBp={warn}
            rowHref={(code) => cityHref("/city/projects", view, { district: code })}
          />
        )}
      </section>
    </div>
  );
}
