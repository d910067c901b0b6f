"use client";

import { useActionState } from "react";
import { UploadForm } from "@/components/ui/upload-form";
import { FIGURES_UPLOAD_MAX_BYTES, formatMb } from "@/domain/upload-limits";
import { uploadFiguresAction, type UploadState } from "./upload-actions";

const initial: UploadState = { ok: false, message: null, fieldErrors: {}, values: {}, rowErrors: [] };

export function FiguresUploadForm({ month, district, templateHref }: { month: string; district: string; templateHref: string }) {
  const [state, action] = useActionState(uploadFiguresAction, initial);
  return (
    <section aria-labelledby="excel-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="excel-title" className="font-semibold">用 Excel 填报</h2>
      <p className="text-sm text-slate-600">
        <a href={templateHref} className="text-brand-700 underline">下载本月模板</a>
        （含本区县指标和重点项目，已填入现有数值），在 Excel 中填好后上传（文件不超过 {formatMb(FIGURES_UPLOAD_MAX_BYTES)}）。文件中只要有一处错误，就不会保存任何数据。
      </p>
      <UploadForm action={action} state={state} id="file" label="选择填好的模板文件" labelHidden hidden={{ month, district }} variant="secondary" rowErrors={state.rowErrors} withSheet />
    </section>
  );
}
