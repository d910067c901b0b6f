import type { ReviewOutcome } from "@/db/mutations/review";

/** Why a review action was refused, in the reviewer's words. */
export function outcomeMessage(o: ReviewOutcome): string {
  if (o.ok) return "";
  if (o.reason === "flagged") return `这份月报有 ${o.flags} 条未核实的数据提醒，请逐条查看后勾选“我已逐条核实以上 ${o.flags} 条数据提醒”再审核通过`;
  return { "not-found": "没有找到这份月报", conflict: "这份月报已被他人处理或修改，请刷新页面后再操作", state: "这份月报当前不在“待审核”状态" }[o.reason];
}
