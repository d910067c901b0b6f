import { DISTRICT_KIND_LABELS } from "@/domain/labels";
import { DataTable } from "@/components/ui/data-table";
import { methodParagraphs, rankChangeLabel, rankChangeWords } from "@/domain/rankings/words";
import { SCORE_CAP, type IndicatorRanking, type OverallRankRow, type RankChange } from "@/domain/rankings/types";
import type { RankingWeights } from "@/domain/rankings/weights";
import { formatColumnActual, formatColumnTarget, formatPercent, formatScore } from "@/domain/format";

/** What the tables need to know about an indicator to show its numbers. */
export interface IndicatorFacts {
  name: string;
  aggregation: "sum" | "ratio" | "count";
  unitSymbol: string;
  unitScale: number;
  decimals: number;
}

/** Column unit: a ratio's values are shown as percentages. */
export function valueUnit(f: IndicatorFacts): string {
  return f.aggregation === "ratio" ? "%" : f.unitSymbol;
}

const CHANGE_STYLES: Record<RankChange["kind"], string> = {
  up: "text-green-800",
  down: "text-red-800",
  same: "text-slate-600",
  new: "text-blue-800",
  none: "text-slate-400",
};

export function ChangeBadge({ change }: { change: RankChange }) {
  return (
    <span className={`tabular whitespace-nowrap ${CHANGE_STYLES[change.kind]}`} title={rankChangeWords(change)}>
      {rankChangeLabel(change)}
    </span>
  );
}


export function MethodSection({ weights, nameOf, compact = false, headingLevel = 2 }: { weights: RankingWeights; nameOf: (code: string) => string; compact?: boolean; headingLevel?: 2 | 3 | 4 }) {
  const total = weights.weights.reduce((s, w) => s + w.weight, 0);
  const H = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="ranking-method" className={compact ? "text-xs leading-relaxed text-slate-700" : "rounded-lg border border-slate-200 bg-white p-4 text-sm leading-relaxed text-slate-700"}>
      <H id="ranking-method" className={compact ? "font-semibold text-slate-900" : "text-base font-semibold text-slate-900"}>排名方法</H>
      {methodParagraphs().map((p) => (
        <p key={p.slice(0, 8)} className="mt-1.5">{p}</p>
      ))}
      <p className="mt-1.5">
        权重：{weights.source === "default" ? `默认各项主要指标等权（共 ${weights.weights.length} 项）。` : "专项办设置（系统设置中按指标代码填写，调整无需改程序）。"}
        {weights.problem && <span className="ml-1 text-amber-900">注意：{weights.problem}。</span>}
      </p>
      {!compact && (
        <DataTable caption="综合排名的计分指标和权重" wrapClassName="mt-2" head={<>
              <tr>
                <th scope="col">计分指标</th>
                <th scope="col" className="num">权重</th>
                <th scope="col" className="num">占比</th>
              </tr>
        </>}>
              {weights.weights.map((w) => (
                <tr key={w.code}>
                  <th scope="row">{nameOf(w.code)}</th>
                  <td className="num">{w.weight}</td>
                  <td className="num">{((100 * w.weight) / total).toFixed(1)}%</td>
                </tr>
              ))}
        </DataTable>
      )}
      {compact && (
        <p className="mt-1.5">计分指标及权重：{weights.weights.map((w) => `${nameOf(w.code)} ${((100 * w.weight) / total).toFixed(1)}%`).join("，")}；单项封顶 {Math.round(SCORE_CAP * 100)}%。</p>
      )}
    </section>
  );
}

export function OverallTable({ rows, caption, group = false, compact = false }: { rows: OverallRankRow[]; caption: string; group?: boolean; compact?: boolean }) {
  return (
    <DataTable caption={caption} density={compact ? "tight" : undefined} small={compact} columns={[group ? "组内排名" : "全市排名", "较上月", "区县", !group && "类别", !group && "类别内排名", { label: "综合得分（分）", num: true }, !compact && { label: "计分指标", num: true }]}>
        {rows.map((r) => {
          const rank = group ? r.groupRank : r.rank;
          const scored = r.parts.filter((p) => p.capped != null).length;
          return (
            <tr key={r.district.id} data-district={r.district.code}>
              <td className="tabular font-semibold">{rank ?? <span className="font-normal text-slate-500">不参与</span>}</td>
              <td><ChangeBadge change={group ? r.groupChange : r.change} /></td>
              <th scope="row">{r.district.name}</th>
              {!group && <td>{DISTRICT_KIND_LABELS[r.district.kind]}</td>}
              {!group && (
                <td className="tabular">
                  {r.groupRank ?? "—"} <ChangeBadge change={r.groupChange} />
                </td>
              )}
              <td className="num">{r.score == null ? <span className="text-slate-500">{r.unrankedReason}</span> : formatScore(r.score)}</td>
              {!compact && <td className="num">{scored}/{r.parts.length}</td>}
            </tr>
          );
        })}
    </DataTable>
  );
}

export function IndicatorTable({ ranking, facts, compact = false }: { ranking: IndicatorRanking; facts: IndicatorFacts; compact?: boolean }) {
  const unit = valueUnit(facts);
  const ratio = facts.aggregation === "ratio";
  return (
    <DataTable caption={`分项排名：${facts.name}`} density={compact ? "tight" : undefined} small={compact} columns={["全市排名", "较上月", "区县", "类别", "类别内排名", { label: ratio ? "当前比率（%）" : `累计完成（${unit}）`, num: true }, { label: ratio ? "目标比率（%）" : `区县目标（${unit}）`, num: true }, { label: ratio ? "达到目标" : "完成率", num: true }, "说明"]}>
        {ranking.rows.map((r) => (
          <tr key={r.district.id} data-district={r.district.code}>
            <td className="tabular font-semibold">{r.rank ?? <span className="font-normal text-slate-500">不参与</span>}</td>
            <td><ChangeBadge change={r.change} /></td>
            <th scope="row">{r.district.name}</th>
            <td>{DISTRICT_KIND_LABELS[r.district.kind]}</td>
            <td className="tabular">
              {r.groupRank ?? "—"} <ChangeBadge change={r.groupChange} />
            </td>
            <td className="num">{formatColumnActual(facts, r.actual)}</td>
            <td className="num">{formatColumnTarget(facts, r.target)}</td>
            <td className="num">{r.completion == null ? "—" : formatPercent(r.completion)}</td>
            <td className="text-slate-600">{r.unrankedReason ?? (r.noData ? "暂无数据，按 0 计" : "")}</td>
          </tr>
        ))}
    </DataTable>
  );
}
