import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/guards";
import { listBoundaryStatus, listDistrictKeys } from "@/db/queries/map";
import { BOUNDARY_MAX_BYTES, boundaryStamp } from "@/domain/map/geojson";
import { BoundaryUploadForm } from "./upload-form";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "区县边界" };

export default async function BoundariesPage() {
  await requirePermission("campaign.manage", {}, { next: "/city/setup/boundaries" });
  const [districts, rows] = await Promise.all([listDistrictKeys(), listBoundaryStatus()]);
  const byId = new Map(rows.map((r) => [r.districtId, r]));
  const sources = [...new Set(rows.map((r) => r.source).filter((s) => s !== ""))];
  const withBoundary = districts.filter((d) => byId.has(d.id)).length;
  return (
    <div className="max-w-5xl space-y-6">
      <p className="text-sm"><Link href="/city/setup" className="text-brand-700 underline">← 专项设置</Link></p>
      <h1 className="text-2xl font-bold">区县边界</h1>
      <p className="text-sm text-slate-600">
        全市总览、公开首页和排名页的区县进度地图，以及区县页面的项目位置图，都按这里的边界绘制（在服务器上生成，不使用在线地图服务）。
        边界是各专项共用的名录。
      </p>

      <section aria-labelledby="status-heading" className="space-y-2">
        <h2 id="status-heading" className="text-lg font-semibold">现有边界（{withBoundary} / {districts.length} 个启用的区县）</h2>
        {sources.length > 0 && <p className="text-sm text-slate-700">来源：{sources.join("；")}</p>}
        <DataTable caption="各区县是否有边界" look="framed" attrs={{ "data-boundary-status": true }} head={<>
              <tr>
                <th scope="col">区县</th>
                <th scope="col">行政区划代码</th>
                <th scope="col">边界</th>
                <th scope="col">导入时间</th>
              </tr>
        </>}>
              {districts.map((d) => {
                const b = byId.get(d.id);
                return (
                  <tr key={d.id} data-district={d.code}>
                    <th scope="row">{d.name}{d.reports ? "" : "（不参加月报）"}</th>
                    <td className="tabular">{d.divisionCode ?? "—"}</td>
                    <td data-has-boundary={b ? "1" : "0"}>{b ? "有" : <span className="text-amber-800">没有（地图上注明）</span>}</td>
                    <td className="tabular text-slate-600">{b ? b.updatedAt.slice(0, 16).replace("T", " ") + " UTC" : "—"}</td>
                  </tr>
                );
              })}
        </DataTable>
      </section>

      <BoundaryUploadForm stamp={boundaryStamp(rows)} source={sources[0] ?? ""} maxMb={BOUNDARY_MAX_BYTES / 1024 / 1024} />
    </div>
  );
}
