/**
 * Delete one attachment: a plain form behind a disclosure, so the confirmation is a second,
 * deliberate click and works without JavaScript. The handler re-checks who may delete and when.
 */
export function DeleteAttachmentForm({ id, version, label }: { id: number; version: number; label: string }) {
  return (
    <details className="mt-2 text-xs">
      <summary className="cursor-pointer text-red-700 underline">删除</summary>
      <form method="post" action={`/api/attachments/${id}/delete`} className="mt-2 space-y-2 rounded border border-red-200 bg-red-50 p-2">
        <input type="hidden" name="version" value={version} />
        <p className="text-red-900">确定删除“{label}”？删除后不能恢复，操作会记入日志。</p>
        <button type="submit" className="rounded bg-red-700 px-3 py-1 text-white hover:bg-red-800">确定删除</button>
      </form>
    </details>
  );
}
