import type { Locale } from "@/app/_lib/locale";

export interface PublicPhoto {
  id: number;
  month: string | null;
  caption: string;
  width: number | null;
  height: number | null;
}

const monthText = (m: string, locale: Locale) => (locale === "en" ? m : `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`);

/**
 * Site photos the campaign office chose to publish, newest month first. The files are the
 * re-encoded copies (no GPS or other metadata), served by /api/v1/photos/:id.
 */
export function ProjectPhotos({ photos, locale }: { photos: readonly PublicPhoto[]; locale: Locale }) {
  if (photos.length === 0) return null;
  const en = locale === "en";
  return (
    <section aria-labelledby="photos" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="photos" className="text-lg font-semibold">{en ? "Site photos" : "形象进度照片"}</h2>
      <ul className="mt-3 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {photos.map((ph) => (
          <li key={ph.id} data-photo={ph.id}>
            <figure>
              <a href={`/api/v1/photos/${ph.id}`}>
                {/* eslint-disable-next-line @next/next/no-img-element -- served by the open-data route, already resized */}
                <img
                  src={`/api/v1/photos/${ph.id}?size=thumb`}
                  alt={ph.caption || (en ? `Site photo${ph.month ? `, ${ph.month}` : ""}` : `形象进度照片${ph.month ? `（${monthText(ph.month, locale)}）` : ""}`)}
                  loading="lazy"
                  className="h-48 w-full rounded bg-slate-100 object-cover"
                />
              </a>
              <figcaption className="mt-1 text-sm text-slate-700">
                {ph.month && <span className="tabular text-slate-500">{monthText(ph.month, locale)}</span>}
                {ph.caption && <> · {ph.caption}</>}
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </section>
  );
}
