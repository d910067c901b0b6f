"use client";

import { useActionState } from "react";
import { UploadForm } from "@/components/ui/upload-form";
import { formatMb, TARGETS_UPLOAD_MAX_BYTES } from "@/domain/upload-limits";
import { uploadTargetsAction, type UploadState } from "./upload-actions";

const initial: UploadState = { ok: false, message: null, fieldErrors: {}, values: {}, rowErrors: [] };

export function TargetsUploadForm({ campaignId, templateHref }: { campaignId: number; templateHref: string }) {
  const [state, action] = useActionState(uploadTargetsAction, initial);
  return (
    <section aria-labelledby="excel-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="excel-title" className="font-semibold">用 Excel 设置目标</h2>
      <p className="text-sm text-slate-600">
        <a href={templateHref} className="text-brand-700 underline">下载目标分解表</a>
        （指标 × 区县，已填入现有目标），在 Excel 中填好后上传（文件不超过 {formatMb(TARGETS_UPLOAD_MAX_BYTES)}）。文件中只要有一行有错误，就不会保存任何数据。
      </p>
      <UploadForm action={action} state={state} id="targets-file" label="填好的目标分解表" hidden={{ campaignId }} variant="secondary" alignButton rowErrors={state.rowErrors} />
    </section>
  );
}
