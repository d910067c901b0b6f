/**
 * The sentences that sum up a set of indicators' pace (dashboard, bulletin). Pure and
 * unit-tested, so a summary can never claim more than the statuses say: "均达到序时进度" only
 * when at least one indicator has a target and every indicator with a target is on pace (an
 * indicator with a target but no data is not on pace); indicators without a target are named
 * as not judged.
 */
import type { PaceStatus } from "./pace";

export interface PaceSummaryItem {
  name: string;
  status: PaceStatus;
}

export interface PaceSummary {
  /** Indicators with a target (judged), whatever their data. */
  targeted: number;
  onPace: number;
  /** Names, in the order given. */
  behind: string[];
  lagging: string[];
  noData: string[];
  untargeted: string[];
  /** True only when ≥1 indicator has a target and every one of them is on pace. */
  allOnPace: boolean;
  /** The summary in words, one sentence each, each ending with "。". */
  sentences: string[];
}

const list = (names: readonly string[]) => names.join("、");

/**
 * Sums up indicators' pace. `scope` prefixes the judgement (e.g. "全市层面"); empty by default.
 */
export function summarizePace(items: readonly PaceSummaryItem[], scope = ""): PaceSummary {
  const of = (s: PaceStatus) => items.filter((i) => i.status === s).map((i) => i.name);
  const untargeted = of("no_target");
  const behind = of("behind");
  const lagging = of("lagging");
  const noData = of("no_data");
  const onPace = of("ahead").length;
  const targeted = items.length - untargeted.length;
  const allOnPace = targeted > 0 && onPace === targeted;
  const sentences: string[] = [];

  if (items.length === 0) {
    sentences.push(`${scope}本期没有可评价的指标。`);
  } else if (targeted === 0) {
    sentences.push(`${scope}各项指标均未设定目标，本期不评价序时进度。`);
  } else if (allOnPace) {
    sentences.push(untargeted.length === 0 ? `${scope}本期 ${targeted} 项指标均达到序时进度。` : `${scope}设定目标的 ${targeted} 项指标均达到序时进度。`);
  } else {
    const parts = [`${onPace} 项达到序时进度`];
    if (behind.length + lagging.length > 0) parts.push(`${behind.length + lagging.length} 项落后于序时进度${lagging.length > 0 ? `（其中严重落后 ${lagging.length} 项）` : ""}`);
    if (noData.length > 0) parts.push(`${noData.length} 项暂无数据、无法评价（${list(noData)}）`);
    sentences.push(`${scope}设定目标的 ${targeted} 项指标中，${parts.join("，")}。`);
  }
  if (untargeted.length > 0 && targeted > 0) sentences.push(`以下指标未设目标，不评价进度：${list(untargeted)}。`);
  else if (untargeted.length > 0) sentences.push(`未设目标的指标：${list(untargeted)}。`);

  return { targeted, onPace, behind, lagging, noData, untargeted, allOnPace, sentences };
}
