import { PARK_STATUS_LABELS, PROBLEM_STATUS_LABELS, PROBLEM_TYPE_LABELS } from "@/domain/record-labels";
import type { listReviewRecords } from "@/db/queries/review-detail";
import { exact, YI_YUAN } from "../_lib/format";
import { Badge } from "@/components/ui/badge";

type Records = Awaited<ReturnType<typeof listReviewRecords>>;

function Why({ items }: { items: (string | false | null)[] }) {
  const shown = items.filter((x): x is string => !!x);
  return (
    <span className="ml-1 inline-flex flex-wrap gap-1 align-middle">
      {shown.map((w) => <Badge key={w} look="soft" colors="bg-blue-50 text-blue-800">{w}</Badge>)}
    </span>
  );
}

/** Problems, signings and parks of the district dated in the month or changed during it, saying which. */
export function RecordsList({ records, month }: { records: Records; month: string }) {
  const inMonth = (d: string | null) => !!d && d.startsWith(`${month}-`);
  const changed = (at: string) => at >= records.from && at < records.to;
  const box = "rounded-lg border border-slate-200 bg-white p-4";
  const empty = <p className="text-sm text-slate-600">本月没有。</p>;
  return (
    <section aria-labelledby="records-title" className="space-y-3">
      <h2 id="records-title" className="text-lg font-semibold">本月问题、签约和园区</h2>
      <div className="grid gap-3 lg:grid-cols-3">
        <div className={box} data-records="problems">
          <h3 className="font-medium">问题（{records.problems.length}）</h3>
          {records.problems.length === 0 ? empty : (
            <ul className="mt-2 space-y-2 text-sm">
              {records.problems.map((p) => (
                <li key={p.id}>
                  <span className="text-slate-500">{PROBLEM_TYPE_LABELS[p.type]} · {p.projectName}</span>
                  <Why items={[inMonth(p.openedOn) && `本月提出（${p.openedOn}）`, inMonth(p.resolvedOn) && `本月解决（${p.resolvedOn}）`, !inMonth(p.openedOn) && !inMonth(p.resolvedOn) && changed(p.updatedAt) && "本月有更新"]} />
                  <span className="block">{p.description}</span>
                  <span className="block text-xs text-slate-500">状态：{PROBLEM_STATUS_LABELS[p.status]}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className={box} data-records="signings">
          <h3 className="font-medium">签约项目（{records.signings.length}）</h3>
          {records.signings.length === 0 ? empty : (
            <ul className="mt-2 space-y-2 text-sm">
              {records.signings.map((s) => (
                <li key={s.id}>
                  <span>{s.name}</span>
                  <Why items={[inMonth(s.signedOn) && `本月签约（${s.signedOn}）`, inMonth(s.landedOn) && `本月落地（${s.landedOn}）`, !inMonth(s.signedOn) && !inMonth(s.landedOn) && changed(s.updatedAt) && "本月有更新"]} />
                  <span className="block text-xs text-slate-500">
                    {s.investor ? `${s.investor} · ` : ""}投资 <span className="tabular">{exact(s.amount, YI_YUAN)}</span>
                    {s.isOverseas ? " · 侨港澳台和在外乡贤" : ""}{s.isCultureTourism ? " · 文旅" : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className={box} data-records="parks">
          <h3 className="font-medium">园区（{records.parks.length}）</h3>
          {records.parks.length === 0 ? empty : (
            <ul className="mt-2 space-y-2 text-sm">
              {records.parks.map((p) => (
                <li key={p.id}>
                  <span>{p.name}{p.isPilot ? "（试点）" : ""}</span>
                  <Why items={[inMonth(p.trialOperationOn) && `本月试运营（${p.trialOperationOn}）`, !inMonth(p.trialOperationOn) && changed(p.updatedAt) && "本月有更新"]} />
                  <span className="block text-xs text-slate-500">状态：{PARK_STATUS_LABELS[p.status]}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
