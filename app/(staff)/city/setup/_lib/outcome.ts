import "server-only";
/**
 * Turns a set-up mutation's outcome into the form's state, with the Chinese message for each
 * kind of refusal. A stale save names the current value, who changed it and when.
 */
import { failure, type ActionState } from "@/app/_lib/action-state";
import { conflictMessage } from "@/domain/conflict";
import type { SetupFailure } from "@/db/mutations/setup/common";
import { getCampaignForSetup, getLastChange } from "@/db/queries/setup/campaigns";
export { actorOf } from "@/app/_lib/actor";

export const ARCHIVED = "该专项已归档，只读，不能修改";
export const GONE = "没有找到该记录，可能已被删除，请刷新页面";
export const STALE_FORM = "表单已失效，请刷新页面后重试";


export interface ConflictSubject {
  entity: string;
  id: number;
  /** What the record says now (read after the refusal). */
  current: () => Promise<{ text: string; updatedAt: string | null } | null>;
}

export async function failureState(o: SetupFailure, values: Record<string, string>, subject?: ConflictSubject, duplicateText = "该代码已被使用，请换一个"): Promise<ActionState> {
  switch (o.reason) {
    case "archived":
      return failure(ARCHIVED, {}, values);
    case "not-found":
      return failure(GONE, {}, values);
    case "duplicate":
      return failure("请检查标出的字段", { [o.field]: duplicateText }, values);
    case "refused":
      return failure(o.message, o.field ? { [o.field]: o.message } : {}, values);
    case "conflict": {
      const now = subject ? await subject.current() : null;
      if (!subject || !now) return failure("该记录已被他人修改，请刷新页面后重试", {}, values);
      const last = await getLastChange(subject.entity, subject.id);
      return failure(conflictMessage({ currentText: now.text, updatedByName: last?.actorName ?? null, updatedAt: last?.at ?? now.updatedAt }), {}, values);
    }
  }
}

/**
 * Early refusal for a write into an archived campaign (the mutation checks again inside its
 * transaction, against the record's own campaign, so this is not the only line of defence).
 */
export async function archivedRefusal(campaignId: number, values: Record<string, string> = {}): Promise<ActionState | null> {
  const c = await getCampaignForSetup(campaignId);
  if (!c) return failure(GONE, {}, values);
  return c.status === "archived" ? failure(ARCHIVED, {}, values) : null;
}
