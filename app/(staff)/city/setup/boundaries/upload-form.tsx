"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { UploadForm } from "@/components/ui/upload-form";
import { uploadBoundariesAction, type BoundaryUploadState } from "./actions";

const initial: BoundaryUploadState = { ok: false, message: null, fieldErrors: {}, values: {}, problems: [], missing: [] };

/** Works without JavaScript too: a plain multipart post to the server action. */
export function BoundaryUploadForm({ stamp, source, maxMb }: { stamp: string; source: string; maxMb: number }) {
  const [state, action] = useActionState(uploadBoundariesAction, initial);
  return (
    <section aria-labelledby="upload-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="upload-title" className="font-semibold">上传边界文件</h2>
      <p className="text-sm text-slate-600">
        GeoJSON 要素集合（FeatureCollection），每个区县一个 Polygon 或 MultiPolygon 要素，坐标为 WGS 84 经纬度（经度在前），文件不超过 {maxMb} MB。
        要素按 properties 中的 <code>name</code>（区县名称，如“鲤城区”）或 <code>code</code>（区县代码如 licheng，或行政区划代码如 350502）对应到区县。
        上传的文件替换全部现有边界；文件中只要有一处问题（格式错误、对应不到区县、同一区县两个要素），就不会保存任何边界。没有边界的区县可以不提供，地图上会注明。
      </p>
      <UploadForm action={action} state={state} id="boundaries-file" label="边界文件（.geojson / .json）" accept=".geojson,.json,application/geo+json,application/json" hidden={{ stamp }} submitLabel="检查并导入">
        <Field name="source" label="边界来源和许可" hint="例如：某测绘院 2023 年行政区划数据，CC BY 4.0；地图说明中显示" defaultValue={state.values.source ?? source} error={state.fieldErrors.source} />
      </UploadForm>
      {state.problems.length > 0 && (
        <div>
          <h3 className="text-sm font-medium text-red-800">需要改正的问题</h3>
          <ul data-boundary-problems className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-red-800">
            {state.problems.map((p) => <li key={p}>{p}</li>)}
          </ul>
        </div>
      )}
      {state.ok && state.missing.length > 0 && <p className="text-sm text-slate-700">没有边界的区县：{state.missing.join("、")}</p>}
    </section>
  );
}
