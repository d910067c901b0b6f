import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCampaignRollups, getKeyProjectSectors } from "@/app/_lib/city-data";
import { requirePermission } from "@/app/_lib/guards";
import { monthLabel } from "@/domain/months";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { getLatestCompleteMonth } from "@/db/queries/completeness";
import { listMonthApprovals } from "@/db/queries/leader-month";
import { getIsDemoData } from "@/db/queries/meta";
import { loadForecasts } from "../_components/forecast-load";
import { chooseLeaderMonth } from "../_components/leader-month";
import { MonthBanner } from "../_components/month-banner";
import { loadCompletenessBoard } from "../completeness/load";
import { resolveCityScope, scopeQuery } from "../export/scope";
import { laggingItems } from "../export/sheets";
import { loadRankings } from "../rankings/load";
import { ScopeForm } from "../rankings/scope-form";
import { listLaggingProjectPhotos } from "@/db/queries/bulletin-photos";
import { BulletinPhotos } from "./bulletin-photos";
import { BulletinView } from "./bulletin-view";
import { chromiumAvailable } from "./pdf-render";
import { PrintButton } from "../export/print-button";
import { PlainHtml } from "@/components/plain-html";

export const metadata: Metadata = { title: "月度简报" };

/*
 * A4 print: the signed-in shell (skip link, banner, navigation) is not printed; the bulletin
 * carries its own small 演示数据 line so demo figures stay labelled on paper.
 */
const PRINT_CSS = `
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
@media print {
  html, body { background: #fff !important; }
  body > a[href="#main"], body > header, body > div[role="note"], .no-print { display: none !important; }
  body > main { max-width: none !important; margin: 0 !important; padding: 0 !important; }
  .bulletin { font-size: 10.5pt; }
  .bulletin h3 { break-after: avoid; }
  .bulletin tr, .bulletin li { break-inside: avoid; }
  .bulletin * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

type SearchParams = Promise<{ month?: string; include?: string; photos?: string }>;

/** How many lagging projects' photos the bulletin prints (largest shortfall first). */
const PHOTO_LIMIT = 12;

export default async function BulletinPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("city.read", {}, { next: "/city/bulletin" });
  const campaign = await getCurrentCampaign();
  if (!campaign) notFound();
  const sp = await searchParams;
  const scope = await resolveCityScope(campaign.id, sp);
  if (!scope) notFound();
  const { month, mode, include } = scope;
  const approvals = await listMonthApprovals(campaign.id);
  const shown = approvals.find((a) => a.month === month);
  // Districts are ranked on the latest month all of them have had approved (fair comparison).
  const rankingMonth = (await getLatestCompleteMonth(campaign.id, month)) ?? month;
  const withPhotos = sp.photos === "1";
  const [rollups, sectors, rankings, board, demo, forecasts, photos] = await Promise.all([
    getCampaignRollups(campaign.id, month, mode, campaign.paceWarnBp),
    getKeyProjectSectors(campaign.id, month, mode),
    loadRankings(campaign, rankingMonth, mode),
    loadCompletenessBoard(campaign.id, month),
    getIsDemoData(),
    loadForecasts(campaign.id, month),
    withPhotos ? listLaggingProjectPhotos(campaign.id, month, mode, PHOTO_LIMIT) : null,
  ]);
  const headline = rollups.indicators.filter((i) => i.isHeadline);
  const lagging = laggingItems(rollups.indicators, rollups.districts);
  const pdfHref = `/city/bulletin/pdf?${scopeQuery(scope)}${withPhotos ? "&photos=1" : ""}`;

  return (
    <div className="space-y-4">
      <PlainHtml />
      <style>{PRINT_CSS}</style>
      <div className="no-print space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-2xl font-bold">月度简报 · {monthLabel(month)}</h1>
            <p className="mt-1 text-sm text-slate-600">按 A4 排版，可直接打印或下载 PDF。</p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <PrintButton />
            {chromiumAvailable() ? (
              <a href={pdfHref} className="rounded-md border border-brand-700 bg-brand-700 px-3 py-1.5 text-sm text-white no-underline hover:bg-brand-800">下载 PDF</a>
            ) : (
              <p role="note" className="max-w-sm text-xs text-slate-700">
                服务器未安装 Chromium，暂不能直接下载 PDF。请用浏览器打印（Ctrl+P 或 ⌘+P），选择“另存为 PDF”、纸张 A4。
              </p>
            )}
          </div>
        </div>
        <ScopeForm action="/city/bulletin" month={month} include={include} periods={scope.periods}>
          <label className="flex items-center gap-1.5 pb-1.5 text-sm">
            <input type="checkbox" name="photos" value="1" defaultChecked={withPhotos} className="h-4 w-4" />
            附项目形象进度照片
          </label>
        </ScopeForm>
        <MonthBanner leader={chooseLeaderMonth(approvals)} defaulted={sp.month !== month} month={month} include={include} approved={shown?.official ?? 0} total={shown?.total ?? 0} path="/city/bulletin" />
      </div>
      <BulletinView
        data={{
          campaign,
          month,
          include,
          demo,
          indicators: rollups.indicators,
          headline: headline.length > 0 ? headline : rollups.indicators,
          sectors,
          cityLagging: lagging.filter((x) => x.city),
          districtLagging: lagging.filter((x) => !x.city),
          rankings,
          completeness: board.months.find((m) => m.month === month) ?? null,
          districtNames: new Map(rollups.districts.map((d) => [d.id, d.name])),
          forecasts,
          photos: photos ? <BulletinPhotos month={month} rows={photos.rows} withoutPhoto={photos.withoutPhoto} /> : undefined,
        }}
      />
    </div>
  );
}
