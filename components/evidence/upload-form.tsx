import type { ReactNode } from "react";

/**
 * A plain multipart form posting one file and its caption to an evidence route handler (works
 * without JavaScript; the handler redirects back with the outcome). `error` is shown under the
 * file field and tied to it for screen readers.
 */
export function EvidenceUploadForm({ action, id, hidden = {}, error, children }: { action: string; id: string; hidden?: Record<string, string>; error: string | null; children?: ReactNode }) {
  return (
    <form method="post" action={action} encType="multipart/form-data" className="mb-4 grid gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-[10rem_1fr]">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <label htmlFor={`${id}-file`} className="text-sm font-medium sm:pt-2">文件</label>
      <div>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          required
          accept="image/jpeg,image/png,image/webp,.heic,application/pdf,.docx,.xlsx,.pptx"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="block w-full text-sm"
        />
        {error && (
          <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">{error}</p>
        )}
      </div>
      <label htmlFor={`${id}-caption`} className="text-sm font-medium sm:pt-2">说明</label>
      <input id={`${id}-caption`} name="caption" maxLength={200} className="w-full rounded border border-slate-300 px-2 py-1.5 text-sm" />
      <div className="sm:col-start-2">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">上传</button>
      </div>
    </form>
  );
}
