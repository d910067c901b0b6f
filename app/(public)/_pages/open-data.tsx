import type { Metadata } from "next";
import { getDict, pickName } from "@/app/_lib/i18n";
import { localePath } from "@/app/_lib/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import { buildIndicatorDataset } from "@/app/_lib/public/open-data-indicators";
import { buildProjectDataset } from "@/app/_lib/public/open-data-projects";
import { INDICATOR_FIELDS, PROJECT_FIELDS } from "@/app/_lib/public/open-data";
import { toCsv } from "@/app/_lib/public/csv";
import { CORRECTION_FIELDS } from "@/app/_lib/public/open-data-corrections";
import { CORRECTION_TYPES, INDICATOR_TYPES, PROJECT_TYPES } from "@/app/(public)/_pages/open-data-field-types";
import { getPublicContext } from "@/app/_lib/public/public-data";
import { pageLocale, pageMetadata } from "@/app/_lib/public/page";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return pageMetadata(locale, getDict(locale).openData.title, "/open-data");
}

function Code({ children }: { children: React.ReactNode }) {
  return <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[13px] text-slate-900">{children}</code>;
}

function Pre({ label, children }: { label: string; children: string }) {
  return (
    <pre aria-label={label} tabIndex={0} className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-50">
      {children}
    </pre>
  );
}

function FieldTable({ caption, rows, t }: { caption: string; rows: { field: string; type: string; meaning: string }[]; t: ReturnType<typeof getDict> }) {
  return (
    <DataTable caption={caption} look="framed" wrapClassName="mt-2" head={<>
          <tr>
            <th scope="col">
              {t.openData.field} / {t.openData.type}
            </th>
            <th scope="col">{t.openData.meaning}</th>
          </tr>
    </>}>
          {rows.map((r) => (
            <tr key={r.field}>
              <th scope="row">
                <Code>{r.field}</Code>
                <span className="mt-0.5 block font-mono text-xs text-slate-700">{r.type}</span>
              </th>
              <td>{r.meaning}</td>
            </tr>
          ))}
    </DataTable>
  );
}

export default async function OpenDataPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = getDict(locale);
  const o = t.openData;
  const ctx = await getPublicContext();
  // Examples are cut from the live datasets, so they always show real, current values.
  const indicators = ctx ? buildIndicatorDataset(ctx) : null;
  const projects = ctx ? await buildProjectDataset(ctx) : null;
  const exampleCode = indicators?.indicators.find((i) => i.is_headline)?.code ?? indicators?.indicators[0]?.code ?? "key_investment";
  const asOf = indicators?.meta.as_of_month ?? null;
  const exampleRows = indicators?.values.filter((r) => r.indicator_code === exampleCode && r.area_type === "city" && r.month === asOf) ?? [];
  const exampleCsvRows = indicators?.values.filter((r) => r.indicator_code === exampleCode && r.month === asOf).slice(0, 3) ?? [];
  const exampleProject = projects?.projects[0];
  const endpoints = [
    { url: "/api/v1", format: "JSON", description: o.catalogJson },
    { url: "/api/v1/indicators.json", format: "JSON", description: o.indicatorsJson },
    { url: "/api/v1/indicators.csv", format: "CSV", description: o.indicatorsCsv },
    { url: "/api/v1/projects.json", format: "JSON", description: o.projectsJson },
    { url: "/api/v1/projects.csv", format: "CSV", description: o.projectsCsv },
    { url: "/api/v1/corrections.json", format: "JSON", description: o.correctionsJson },
    { url: "/api/v1/corrections.csv", format: "CSV", description: o.correctionsCsv },
  ];
  const origin = "https://<host>";
  return (
    <PublicShell locale={locale} path="/open-data" section="open-data" ctx={ctx}>
      <h1 className="mt-6 text-2xl font-bold text-slate-900">{o.title}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{o.intro}</p>

      <section aria-labelledby="endpoints" className="mt-6">
        <h2 id="endpoints" className="text-lg font-semibold">{o.endpointsHeading}</h2>
        <DataTable caption={o.endpointsHeading} look="framed" wrapClassName="mt-2" head={<>
              <tr>
                <th scope="col">
                  {o.endpoint} / {o.format}
                </th>
                <th scope="col">{o.description}</th>
              </tr>
        </>}>
              {endpoints.map((e) => (
                <tr key={e.url}>
                  <th scope="row">
                    <a href={e.url} className="font-mono text-[13px] break-all text-brand-700 underline">{e.url}</a>
                    <span className="block text-xs text-slate-600">{e.format}</span>
                  </th>
                  <td>{e.description}</td>
                </tr>
              ))}
        </DataTable>
      </section>

      <section aria-labelledby="params" className="mt-6">
        <h2 id="params" className="text-lg font-semibold">{o.paramsHeading}</h2>
        <p className="mt-1 text-sm text-slate-700">{o.paramsIntro}</p>
        <FieldTable
          caption={o.paramsHeading}
          t={t}
          rows={(["indicator", "area", "month", "district"] as const).map((k) => ({ field: k, type: k === "month" ? "YYYY-MM" : "string", meaning: o.fields.params[k] }))}
        />
      </section>

      <section aria-labelledby="rules" className="mt-6">
        <h2 id="rules" className="text-lg font-semibold">{o.rulesHeading}</h2>
        <ul className="mt-2 max-w-3xl list-disc space-y-1 pl-5 text-sm text-slate-700">
          {o.rules.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="fields-indicators" className="mt-6">
        <h2 id="fields-indicators" className="text-lg font-semibold">{o.fieldsHeading("indicators")}</h2>
        <FieldTable caption={o.fieldsHeading("indicators")} t={t} rows={INDICATOR_FIELDS.map((f) => ({ field: f, type: INDICATOR_TYPES[f], meaning: o.fields.indicators[f] }))} />
      </section>

      <section aria-labelledby="fields-projects" className="mt-6">
        <h2 id="fields-projects" className="text-lg font-semibold">{o.fieldsHeading("projects")}</h2>
        <FieldTable
          caption={o.fieldsHeading("projects")}
          t={t}
          rows={[...PROJECT_FIELDS, "monthly_investment_wan_yuan" as const].map((f) => ({ field: f, type: PROJECT_TYPES[f], meaning: o.fields.projects[f] }))}
        />
      </section>

      <section aria-labelledby="fields-corrections" className="mt-6">
        <h2 id="fields-corrections" className="text-lg font-semibold">{o.fieldsHeading("corrections")}</h2>
        <FieldTable caption={o.fieldsHeading("corrections")} t={t} rows={CORRECTION_FIELDS.map((f) => ({ field: f, type: CORRECTION_TYPES[f], meaning: o.fields.corrections[f] }))} />
        <p className="mt-2 text-sm">
          <a href={localePath(locale, "/corrections")} className="text-brand-700 underline">{t.corrections.title}</a>
        </p>
      </section>

      <section aria-labelledby="examples" className="mt-6">
        <h2 id="examples" className="text-lg font-semibold">{o.examplesHeading}</h2>
        <p className="mt-1 text-sm text-slate-700">{o.exampleIntro}</p>
        <Pre label="curl">{`curl '${origin}/api/v1/indicators.json?indicator=${exampleCode}&area=city${asOf ? `&month=${asOf}` : ""}'`}</Pre>
        <Pre label="JSON">{JSON.stringify({ meta: indicators?.meta ?? null, values: exampleRows }, null, 2)}</Pre>
        <Pre label="curl">{`curl '${origin}/api/v1/indicators.csv?indicator=${exampleCode}${asOf ? `&month=${asOf}` : ""}'`}</Pre>
        <Pre label="CSV">{toCsv(INDICATOR_FIELDS, exampleCsvRows).replace(/^\uFEFF/, "").replace(/\r\n/g, "\n") + "…"}</Pre>
        {exampleProject && (
          <>
            <Pre label="curl">{`curl '${origin}/api/v1/projects.json?district=${exampleProject.district_code}'`}</Pre>
            <Pre label="JSON">{JSON.stringify({ projects: [exampleProject] }, null, 2).replace(/\n {2}\]\n\}$/, ",\n    …\n  ]\n}")}</Pre>
          </>
        )}
      </section>

      <section aria-labelledby="caching" className="mt-6">
        <h2 id="caching" className="text-lg font-semibold">{o.cachingHeading}</h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">{o.cachingBody}</p>
        <Pre label="curl">{`curl -i '${origin}/api/v1/indicators.csv'\n#  HTTP/1.1 200 OK\n#  ETag: "…"\n#  Cache-Control: public, max-age=60, stale-while-revalidate=300\n\ncurl -i -H 'If-None-Match: "…"' '${origin}/api/v1/indicators.csv'\n#  HTTP/1.1 304 Not Modified`}</Pre>
      </section>

      {ctx && (
        <section aria-labelledby="codes" className="mt-6">
          <h2 id="codes" className="text-lg font-semibold">{o.codesHeading}</h2>
          <div className="mt-2 grid gap-6 md:grid-cols-2">
            <DataTable caption={o.districtCodes} look="framed" captionVisible captionClassName="px-3 pt-2 text-left text-sm font-semibold text-slate-800" head={<>
                  <tr>
                    <th scope="col">code</th>
                    <th scope="col">{t.common.district}</th>
                  </tr>
            </>}>
                  {ctx.districts.map((d) => (
                    <tr key={d.code}>
                      <th scope="row"><Code>{d.code}</Code></th>
                      <td>{pickName(locale, d.name, d.nameEn)}</td>
                    </tr>
                  ))}
            </DataTable>
            <DataTable caption={o.indicatorCodes} look="framed" captionVisible captionClassName="px-3 pt-2 text-left text-sm font-semibold text-slate-800" head={<>
                  <tr>
                    <th scope="col">code</th>
                    <th scope="col">{t.common.indicator}</th>
                    <th scope="col">{t.common.unit}</th>
                  </tr>
            </>}>
                  {(indicators?.indicators ?? []).map((i) => (
                    <tr key={i.code}>
                      <th scope="row"><Code>{i.code}</Code></th>
                      <td>{pickName(locale, i.name, i.name_en)}</td>
                      <td className="whitespace-nowrap">{i.unit}</td>
                    </tr>
                  ))}
            </DataTable>
          </div>
        </section>
      )}
    </PublicShell>
  );
}
