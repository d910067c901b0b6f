import type { Metadata } from "next";
import { getDict } from "@/app/_lib/i18n";
import { localePath } from "@/app/_lib/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import { PublicPaceMap } from "@/app/(public)/_components/public-map";
import { getPublicContext } from "@/app/_lib/public/public-data";
import { pageLocale, pageMetadata } from "@/app/_lib/public/page";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { ...pageMetadata(locale, locale === "zh" ? "区县进度地图" : "Progress by district", "/map"), robots: { index: false } };
}

export default async function MapPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: SearchParams }) {
  const locale = await pageLocale(params);
  const t = getDict(locale);
  const sp = await searchParams;
  const selected = typeof sp.indicator === "string" ? sp.indicator : undefined;
  const ctx = await getPublicContext();
  return (
    <PublicShell locale={locale} path="/map" section={null} ctx={ctx}>
      <p className="mt-6 text-sm">
        <a href={localePath(locale, "/")} className="text-brand-700 underline">{t.nav.home}</a>
      </p>
      <h1 className="mt-1 mb-4 text-2xl font-bold text-slate-900">{locale === "zh" ? "区县进度地图" : "Progress by district"}</h1>
      {ctx ? <PublicPaceMap locale={locale} ctx={ctx} selected={selected} /> : <p className="text-slate-700">{t.common.noCampaign}</p>}
    </PublicShell>
  );
}
