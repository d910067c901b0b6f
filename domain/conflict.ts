import { formatDateTime } from "@/domain/format";

/**
 * The message for a save based on an old version: nothing was overwritten, and the user sees
 * the value now stored, who stored it and when, so they can decide what to do.
 */
export function conflictMessage(c: { currentText: string; updatedByName: string | null; updatedAt: string | null }): string {
  const who = c.updatedByName ?? "其他用户";
  const when = c.updatedAt ? formatDateTime(c.updatedAt) : "刚才";
  return `未保存：${who} 已于 ${when} 修改了这条记录，当前为“${c.currentText}”。您的修改没有覆盖它，请核对后重新填写。`;
}
