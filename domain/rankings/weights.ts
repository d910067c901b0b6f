/**
 * Ranking weights are data: app_meta key `ranking_weights:<campaignSlug>`, a JSON object
 * {"indicator_code": weight, …}. Without it: the campaign's headline indicators, equal weights.
 */
export interface RankingWeight {
  code: string;
  weight: number;
}

export interface RankingWeights {
  weights: RankingWeight[];
  /** "setting": read from app_meta; "default": headline indicators, equal weights. */
  source: "setting" | "default";
  /** Why a stored setting was (partly) ignored, in Chinese; null when it was used as is. */
  problem: string | null;
}

/**
 * The weights setting (app_meta `ranking_weights:<campaignSlug>`): a JSON object of indicator
 * code → weight ≥ 0, e.g. {"key_investment": 2, "key_projects_started": 1}. Only the listed
 * indicators count. Missing, unreadable or all-zero → the headline indicators, equal weights
 * (and `problem` says why when a setting was there).
 */
export function parseRankingWeights(setting: string | null | undefined, indicators: readonly { code: string; isHeadline: boolean }[]): RankingWeights {
  const headline = indicators.filter((i) => i.isHeadline);
  const fallback = (headline.length > 0 ? headline : indicators).map((i) => ({ code: i.code, weight: 1 }));
  if (setting == null || setting.trim() === "") return { weights: fallback, source: "default", problem: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(setting);
  } catch {
    return { weights: fallback, source: "default", problem: "权重设置不是有效的 JSON，已改用默认等权" };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { weights: fallback, source: "default", problem: "权重设置应为“指标代码: 权重”的对象，已改用默认等权" };
  }
  const known = new Set(indicators.map((i) => i.code));
  const weights: RankingWeight[] = [];
  const unknown: string[] = [];
  const invalid: string[] = [];
  for (const [code, w] of Object.entries(parsed as Record<string, unknown>)) {
    if (!known.has(code)) unknown.push(code);
    else if (typeof w !== "number" || !Number.isFinite(w) || w < 0) invalid.push(code);
    else if (w > 0) weights.push({ code, weight: w });
  }
  const problems = [
    unknown.length ? `未知指标代码 ${unknown.join("、")} 已忽略` : null,
    invalid.length ? `${invalid.join("、")} 的权重无效（应为不小于 0 的数）已忽略` : null,
  ].filter((x): x is string => x != null);
  if (weights.length === 0) {
    return { weights: fallback, source: "default", problem: [...problems, "没有有效的权重，已改用默认等权"].join("；") };
  }
  // Keep the campaign's indicator order, whatever order the JSON was written in.
  const pos = new Map(indicators.map((i, k) => [i.code, k]));
  weights.sort((a, b) => pos.get(a.code)! - pos.get(b.code)!);
  return { weights, source: "setting", problem: problems.length ? problems.join("；") : null };
}

/** The app_meta key holding a campaign's weights. */
export function rankingWeightsKey(campaignSlug: string): string {
  return `ranking_weights:${campaignSlug}`;
}
