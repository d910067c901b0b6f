import type { LaggingProjectPhoto } from "@/db/queries/bulletin-photos";
import { monthLabel } from "@/domain/months";
import { formatRatioPercent } from "@/domain/format";

const pct = (done: number, planned: number) => formatRatioPercent(done, planned);

/**
 * 形象进度照片 of the key projects behind time progress, one (the latest up to the bulletin's
 * month) per project, as small prints with the month the photo belongs to. Shown when the office
 * ticks the option on the bulletin page; images come from the guarded file route.
 */
export function BulletinPhotos({ month, rows, withoutPhoto }: { month: string; rows: LaggingProjectPhoto[]; withoutPhoto: number }) {
  return (
    <div data-bulletin-photos className="mt-3 break-inside-avoid">
      <h4 className="text-sm font-bold">滞后重点项目形象进度照片</h4>
      {rows.length === 0 ? (
        <p className="mt-1 indent-8">截至{monthLabel(month)}，落后于序时进度的重点项目均未上传形象进度照片。</p>
      ) : (
        <>
          <p className="mt-1 indent-8">
            以下为落后于序时进度的重点项目截至{monthLabel(month)}最近一期的形象进度照片（按差距从大到小，每个项目一张）
            {withoutPhoto > 0 ? `；另有 ${withoutPhoto} 个滞后项目尚未上传照片` : ""}。
          </p>
          <ul className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3">
            {rows.map((r) => (
              <li key={r.projectId} data-project={r.projectCode} className="break-inside-avoid">
                <figure>
                  {/* eslint-disable-next-line @next/next/no-img-element -- a guarded route, not a static asset the image optimiser could fetch */}
                  <img src={`/api/files/${r.photoId}?size=thumb`} alt={`${r.projectName}${monthLabel(r.photoMonth)}形象进度照片`} className="h-32 w-full rounded border border-slate-200 object-cover" />
                  <figcaption className="mt-1 text-xs leading-snug">
                    <span className="font-medium">{r.projectName}</span>（{r.districtName}）
                    <br />
                    <span data-photo-month>{monthLabel(r.photoMonth)}照片</span> · 年度计划完成 {pct(r.done, r.planned)}
                    {r.caption ? ` · ${r.caption}` : ""}
                  </figcaption>
                </figure>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
