/** Parsing of the problem forms (server side; the actions also check dates against the record). */
import { z } from "zod";
import { isDate, todayInShanghai } from "@/domain/months";
import { ESCALATION_LEVELS, PROBLEM_TYPES } from "@/domain/codes";
import { requiredDate, requiredMultilineText, requiredText } from "../_lib/form-parse";

export const problemFieldNames = ["type", "description", "responsibleUnit", "escalationLevel", "deadlineOn", "openedOn"] as const;

const problemShape = {
  type: z.enum(PROBLEM_TYPES, { error: "请选择难题类型" }),
  description: requiredMultilineText("问题描述", 500),
  responsibleUnit: requiredText("责任单位", 100),
  escalationLevel: z.enum(ESCALATION_LEVELS, { error: "请选择协调层级" }),
  deadlineOn: requiredDate("办结时限"),
  openedOn: requiredDate("登记日期"),
};

function checkDates(v: { openedOn: string; deadlineOn: string }, ctx: z.RefinementCtx) {
  if (!isDate(v.openedOn) || !isDate(v.deadlineOn)) return;
  if (v.openedOn > todayInShanghai()) ctx.addIssue({ code: "custom", path: ["openedOn"], message: "登记日期不能晚于今天" });
  if (v.deadlineOn < v.openedOn) ctx.addIssue({ code: "custom", path: ["deadlineOn"], message: "办结时限不能早于登记日期" });
}

export const problemFieldsSchema = z.object(problemShape).superRefine(checkDates);

export const newProblemSchema = z
  .object({
    projectId: z.string().trim().min(1, "请选择项目").regex(/^[1-9]\d{0,8}$/, "所选项目无效").transform(Number),
    ...problemShape,
  })
  .superRefine(checkDates);

export const resolveSchema = z.object({
  resolvedOn: requiredDate("解决日期").refine((s) => s <= todayInShanghai(), "解决日期不能晚于今天"),
  resolutionNote: requiredMultilineText("解决情况", 500),
});

export const statusSchema = z.object({
  status: z.enum(["open", "in_progress"], { error: "请选择状态" }),
});
