/** Rankings in words (Chinese): the change since last month, the method, the weights in use. */
import { SCORE_CAP, type RankChange } from "./types";
import type { RankingWeights } from "./weights";

export function rankChangeLabel(c: RankChange): string {
  switch (c.kind) {
    case "up":
      return `↑${c.by}`;
    case "down":
      return `↓${c.by}`;
    case "same":
      return "持平";
    case "new":
      return "新";
    case "none":
      return "—";
  }
}

/** Words for screen readers and spreadsheets: "上升 2 位". */
export function rankChangeWords(c: RankChange): string {
  switch (c.kind) {
    case "up":
      return `上升 ${c.by} 位`;
    case "down":
      return `下降 ${c.by} 位`;
    case "same":
      return "与上月持平";
    case "new":
      return "上月未参与排名";
    case "none":
      return "无上月排名";
  }
}

/** The method in Chinese, as every rankings page and the bulletin print it. */
export function methodParagraphs(): string[] {
  const cap = Math.round(SCORE_CAP * 100);
  return [
    "分项排名：各区县按本区县年度目标的完成率排名，完成率 = 累计完成 ÷ 本区县目标；比率类指标（如入园率）按“当前比率 ÷ 目标比率”排名。未设定区县目标（或目标为 0）的区县不参与该项排名，单独列出并注明原因；设有目标但尚无数据的按完成 0 计。",
    `综合排名：对每项计分指标先算进度指数 = 完成率 ÷ 序时进度（比率类指标为当前比率 ÷ 目标比率），100% 表示恰好达到序时进度；单项进度指数最高按 ${cap}% 计，避免个别指标大幅超额左右总分。综合得分 = 100 × Σ（权重 × 单项进度指数）÷ Σ 权重，只计该区县设有目标的指标；设有目标的计分指标合计权重不足一半的区县不参与综合排名。`,
    "名次：完成率按显示的一位小数比较（综合得分同样保留一位小数），相同者并列同一名次，其后名次顺延（如 1、2、2、4）。分组排名在区、县级市、县、开发区四类中分别进行，规则相同。",
    "较上月：与按上月累计数据同样方法计算的名次相比，“↑2”表示上升 2 位，“↓1”表示下降 1 位，“持平”表示名次不变，“新”表示上月未参与排名。",
  ];
}

/** "默认：各项主要指标等权" or the weights as written in the setting. */
export function weightsSummary(w: RankingWeights, nameOf: (code: string) => string): string {
  if (w.source === "default") return `默认设置：${w.weights.length} 项主要指标等权（各占 1/${w.weights.length}）。`;
  const total = w.weights.reduce((s, x) => s + x.weight, 0);
  return `专项办设置：${w.weights.map((x) => `${nameOf(x.code)} ${x.weight}（${((100 * x.weight) / total).toFixed(1)}%）`).join("，")}。`;
}
