import { getDict, pickName } from "@/app/_lib/i18n/index";
import { localePath, type Locale } from "@/app/_lib/locale";
import { methodParagraphs, weightsSummary } from "@/domain/rankings/words";
import { SCORE_CAP, type IndicatorRanking, type OverallRankRow, type RankChange } from "@/domain/rankings/types";
import type { RankingWeights } from "@/domain/rankings/weights";
import type { PublicContext, PublicIndicator } from "@/app/_lib/public/public-data";
import type { PublicRankings } from "@/app/_lib/public/rankings-data";
import { formatPercentHalfUp, formatTarget, formatValue } from "@/domain/format";
import { DataTable } from "@/components/ui/data-table";

const CHANGE_STYLES: Record<RankChange["kind"], string> = {
  up: "text-green-800",
  down: "text-red-800",
  same: "text-slate-600",
  new: "text-blue-800",
  none: "text-slate-600",
};

function by(c: RankChange): number {
  return c.kind === "up" || c.kind === "down" ? c.by : 0;
}

/** "↑2" with the words for screen readers. */
export function Change({ locale, change }: { locale: Locale; change: RankChange }) {
  const t = getDict(locale);
  return (
    <span className={`tabular break-keep whitespace-nowrap ${CHANGE_STYLES[change.kind]}`}>
      <span aria-hidden="true">{t.rankings.changeLabel(change.kind, by(change))}</span>
      <span className="sr-only">{t.rankings.changeWords(change.kind, by(change))}</span>
    </span>
  );
}

function districtName(locale: Locale, ctx: PublicContext, id: number, fallback: string): string {
  const d = ctx.districts.find((x) => x.id === id);
  return d ? pickName(locale, d.name, d.nameEn) : fallback;
}

export function OverallTable({ locale, ctx, rows, caption, group = false }: { locale: Locale; ctx: PublicContext; rows: OverallRankRow[]; caption: string; group?: boolean }) {
  const t = getDict(locale);
  return (
    <DataTable caption={caption} columns={[group ? t.rankings.groupRank : t.rankings.rank, t.common.district, { label: t.rankings.score, num: true }, { label: t.rankings.change, num: true }]}>
        {rows.map((r) => {
          const rank = group ? r.groupRank : r.rank;
          return (
            <tr key={r.district.code} data-district={r.district.code}>
              <td className="tabular font-semibold">{rank ?? "—"}</td>
              <th scope="row">
                <a href={localePath(locale, `/districts/${encodeURIComponent(r.district.code)}`)} className="text-brand-700 underline">
                  {districtName(locale, ctx, r.district.id, r.district.name)}
                </a>
                {r.unrankedReason && <span className="block text-xs text-slate-600">{t.rankings.notRanked}: {t.rankings.reason(r.unrankedReason)}</span>}
              </th>
              <td className="num">{r.score == null ? "—" : r.score.toFixed(1)}</td>
              <td className="num">
                <Change locale={locale} change={group ? r.groupChange : r.change} />
              </td>
            </tr>
          );
        })}
    </DataTable>
  );
}

export function IndicatorRankTable({ locale, ctx, ranking, ind, caption }: { locale: Locale; ctx: PublicContext; ranking: IndicatorRanking; ind: PublicIndicator; caption: string }) {
  const t = getDict(locale);
  return (
    <DataTable caption={caption} columns={[t.rankings.rank, t.common.district, { label: t.rankings.actual, num: true }, { label: t.rankings.target, num: true }, { label: t.rankings.completion, num: true }, { label: t.rankings.change, num: true }]}>
        {ranking.rows.map((r) => (
          <tr key={r.district.code} data-district={r.district.code}>
            <td className="tabular font-semibold">{r.rank ?? "—"}</td>
            <th scope="row">
              {districtName(locale, ctx, r.district.id, r.district.name)}
              {r.unrankedReason && <span className="block text-xs text-slate-600">{t.rankings.notRanked}: {t.rankings.reason(r.unrankedReason)}</span>}
              {r.noData && <span className="block text-xs text-slate-600">{t.rankings.noDataCountsZero}</span>}
            </th>
            <td className="num">{formatValue(ind, r.actual, locale)}</td>
            <td className="num">{formatTarget(ind, r.target, locale)}</td>
            <td className="num">{r.completion == null ? "—" : formatPercentHalfUp(r.completion, locale)}</td>
            <td className="num">
              <Change locale={locale} change={r.change} />
            </td>
          </tr>
        ))}
    </DataTable>
  );
}

/** The method in words (Chinese: the ranking module's own paragraphs) and the weights in use. */
export function MethodSection({ locale, ctx, weights }: { locale: Locale; ctx: PublicContext; weights: RankingWeights }) {
  const t = getDict(locale);
  const nameOf = (code: string) => {
    const i = ctx.indicators.find((x) => x.code === code);
    return i ? pickName(locale, i.name, i.nameEn) : code;
  };
  const total = weights.weights.reduce((s, w) => s + w.weight, 0);
  const parts = weights.weights.map((w) => ({ name: nameOf(w.code), weight: w.weight, share: total > 0 ? formatPercentHalfUp(w.weight / total, locale) : "—" }));
  return (
    <section aria-labelledby="method" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="method" className="text-lg font-semibold">{t.rankings.methodHeading}</h2>
      <div className="mt-2 max-w-3xl space-y-2 text-sm leading-relaxed text-slate-700">
        {t.rankings.method(methodParagraphs(), Math.round(SCORE_CAP * 100)).map((p) => (
          <p key={p.slice(0, 24)}>{p}</p>
        ))}
      </div>
      <h3 className="mt-4 text-sm font-semibold">{t.rankings.weightsHeading}</h3>
      <p className="mt-1 text-sm text-slate-700">{t.rankings.weights(weights.source, parts, weightsSummary(weights, (c) => nameOf(c)))}</p>
    </section>
  );
}

/** A district's overall and peer-group rank, for its own page. */
export function DistrictRank({ locale, ctx, rankings, districtId }: { locale: Locale; ctx: PublicContext; rankings: PublicRankings | null; districtId: number }) {
  const t = getDict(locale);
  if (!rankings) return <p className="mt-2 text-sm text-slate-600">{t.rankings.pending}</p>;
  const row = rankings.rankings.overall.find((r) => r.district.id === districtId);
  const ranked = rankings.rankings.overall.filter((r) => r.rank != null).length;
  const group = rankings.rankings.overallByGroup.find((g) => g.rows.some((r) => r.district.id === districtId));
  const groupRanked = group ? group.rows.filter((r) => r.groupRank != null).length : 0;
  return (
    <div className="mt-2 text-sm">
      {row && row.rank != null ? (
        <>
          <p data-rank={row.rank} className="text-base font-semibold text-slate-900">
            {t.rankings.yourRank(row.rank, ranked)} <Change locale={locale} change={row.change} />
          </p>
          {group && row.groupRank != null && <p className="text-slate-700">{t.rankings.yourGroupRank(t.districtKind[group.kind], row.groupRank, groupRanked)}</p>}
          {row.score != null && <p className="text-slate-700">{t.rankings.scoreLine(row.score.toFixed(1))}</p>}
        </>
      ) : (
        <p>{t.rankings.notRanked}{row?.unrankedReason ? `: ${t.rankings.reason(row.unrankedReason)}` : ""}</p>
      )}
      <p className="mt-1 text-xs text-slate-600">{t.rankings.basis(rankings.month, rankings.complete, ctx.asOf?.month === rankings.month ? ctx.asOf.approved : ctx.districts.length, ctx.districts.length)}</p>
      <p className="mt-1">
        <a href={localePath(locale, "/rankings")} className="text-brand-700 underline">{t.districts.rankMethodLink}</a>
      </p>
    </div>
  );
}
