import { getIsDemoData } from "@/db/queries/meta";

/** Shown on every page while the database holds demo data, so invented figures never pass for official ones. */
export async function DemoBanner({ locale = "zh" }: { locale?: "zh" | "en" }) {
  if (!(await getIsDemoData())) return null;
  return (
    <div role="note" aria-label={locale === "en" ? "Demo data" : "演示数据"} className="border-b border-amber-300 bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
      {locale === "en" ? (
        <>
          <strong className="font-semibold">Demo data</strong>
          <span className="mx-1">·</span>
          Projects, signings, parks and monthly figures on this site are invented for demonstration and are not official statistics. The city targets are those announced at the meeting of 16 February 2023.
        </>
      ) : (
        <>
          <strong className="font-semibold">演示数据</strong>
          <span className="mx-1">·</span>
          本站当前载入的项目、签约、园区和月度数字均为虚构的演示数据，不代表官方统计；市级目标取自 2023 年 2 月 16 日动员会的公开部署。
        </>
      )}
    </div>
  );
}
