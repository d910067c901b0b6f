/**
 * The records behind one district's figure, as lists that add up to it: report values by
 * month, projects, monthly project investment, problems, signings or parks. Server components.
 */
import { PARK_STATUS_LABELS, ESCALATION_LABELS } from "@/domain/record-labels";
import { STAGE_LABELS, yi } from "@/domain/project-format";
import { REPORT_STATE_LABELS, REPORT_STATE_STYLES } from "@/domain/labels";
import { monthLabel } from "@/domain/months";
import { formatPercent } from "@/domain/numbers";
import type { DerivedRecords, ReportValueRow } from "@/db/queries/drilldown";
import type { ReportStatus } from "@/db/schema";
import { formatExactOrDash } from "../../_components/format";
import { InvestmentPivot } from "./investment-pivot";
import { foot, head, num, row, Table, td, th } from "./record-table";

export function MonthStatus({ status }: { status: ReportStatus | null }) {
  if (!status) return <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs whitespace-nowrap text-red-800">未填报</span>;
  return <span className={`rounded-full px-2 py-0.5 text-xs whitespace-nowrap ${REPORT_STATE_STYLES[status]}`}>{REPORT_STATE_LABELS[status]}</span>;
}

export function ReportValues(props: { caption: string; rows: ReportValueRow[]; month: string; ratio: boolean; unit: { symbol: string; scale: number }; partUnit: { symbol: string; scale: number } | null; numeratorLabel: string | null; denominatorLabel: string | null }) {
  const { rows, ratio, unit } = props;
  const total = rows.reduce((s, r) => s + (r.value ?? 0), 0);
  const part = props.partUnit ?? { symbol: "", scale: 1 };
  return (
    <Table caption={props.caption}>
      <thead>
        <tr className={head}>
          <th scope="col" className={th}>月份</th>
          {ratio ? (
            <>
              <th scope="col" className={`${th} text-right`}>{props.numeratorLabel}（{part.symbol}）</th>
              <th scope="col" className={`${th} text-right`}>{props.denominatorLabel}（{part.symbol}）</th>
              <th scope="col" className={`${th} text-right`}>比率</th>
              <th scope="col" className={th}>是否计入</th>
            </>
          ) : (
            <th scope="col" className={`${th} text-right`}>当月数值（{unit.symbol}）</th>
          )}
          <th scope="col" className={th}>月报状态</th>
          <th scope="col" className={th}>备注</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.month} className={row}>
            <th scope="row" className={`${td} text-left font-normal`}>{monthLabel(r.month)}</th>
            {ratio ? (
              <>
                <td className={num}>{formatExactOrDash(r.numerator, part.scale)}</td>
                <td className={num}>{formatExactOrDash(r.denominator, part.scale)}</td>
                <td className={num}>{r.numerator != null && r.denominator ? formatPercent(r.numerator / r.denominator) : "—"}</td>
                <td className={td}>{r.month === props.month ? <strong>计入（最新一期）</strong> : <span className="text-slate-500">不计入（非最新一期）</span>}</td>
              </>
            ) : (
              <td className={num}>{r.value == null ? <span className="text-slate-500">未填</span> : formatExactOrDash(r.value, unit.scale)}</td>
            )}
            <td className={td}><MonthStatus status={r.status} /></td>
            <td className={`${td} text-xs text-slate-600`}>{r.note ?? ""}</td>
          </tr>
        ))}
      </tbody>
      {!ratio && (
        <tfoot>
          <tr className={foot}>
            <th scope="row" className={`${td} text-left`}>合计</th>
            <td data-records-total className={num}>{formatExactOrDash(total, unit.scale)}</td>
            <td className={td} colSpan={2} />
          </tr>
        </tfoot>
      )}
    </Table>
  );
}

export function DerivedRecordList({ caption, records, month, year }: { caption: string; records: DerivedRecords; month: string; year: number }) {
  switch (records.kind) {
    case "projects":
      return (
        <Table caption={caption}>
          <thead>
            <tr className={head}>
              <th scope="col" className={th}>序号</th>
              <th scope="col" className={th}>项目编号</th>
              <th scope="col" className={th}>项目名称</th>
              <th scope="col" className={th}>行业</th>
              <th scope="col" className={th}>实际开工</th>
              <th scope="col" className={th}>实际建成</th>
              <th scope="col" className={th}>阶段</th>
              <th scope="col" className={`${th} text-right`}>总投资（亿元）</th>
              <th scope="col" className={th}>{records.dateField === "start" ? "开工" : "建成"}月月报</th>
            </tr>
          </thead>
          <tbody>
            {records.rows.map((r, i) => (
              <tr key={r.id} className={row}>
                <td className={num}>{i + 1}</td>
                <td className={`${td} tabular whitespace-nowrap`}>{r.code}</td>
                <th scope="row" className={`${td} text-left font-normal`}>{r.name}</th>
                <td className={td}>{r.sectorName ?? "未分类"}</td>
                <td className={`${td} tabular whitespace-nowrap`}>{r.actualStartOn ?? "—"}</td>
                <td className={`${td} tabular whitespace-nowrap`}>{r.actualCompletionOn ?? "—"}</td>
                <td className={td}>{STAGE_LABELS[r.stage]}</td>
                <td className={num}>{yi(r.totalInvestment)}</td>
                <td className={td}><MonthStatus status={r.status} /></td>
              </tr>
            ))}
          </tbody>
        </Table>
      );
    case "investment":
      return <InvestmentPivot caption={caption} rows={records.rows} month={month} year={year} />;
    case "problems":
      return (
        <Table caption={caption}>
          <thead>
            <tr className={head}>
              <th scope="col" className={th}>序号</th>
              <th scope="col" className={th}>项目</th>
              <th scope="col" className={th}>难题</th>
              <th scope="col" className={th}>责任单位</th>
              <th scope="col" className={th}>层级</th>
              <th scope="col" className={th}>提出日期</th>
              <th scope="col" className={th}>解决日期</th>
              <th scope="col" className={th}>解决情况</th>
              <th scope="col" className={th}>解决月月报</th>
            </tr>
          </thead>
          <tbody>
            {records.rows.map((r, i) => (
              <tr key={r.id} className={row}>
                <td className={num}>{i + 1}</td>
                <td className={td}>{r.projectName}<span className="block text-xs text-slate-500">{r.projectCode}</span></td>
                <th scope="row" className={`${td} text-left font-normal`}>{r.description}</th>
                <td className={td}>{r.responsibleUnit}</td>
                <td className={td}>{ESCALATION_LABELS[r.escalationLevel]}</td>
                <td className={`${td} tabular whitespace-nowrap`}>{r.openedOn}</td>
                <td className={`${td} tabular whitespace-nowrap`}>{r.resolvedOn}</td>
                <td className={`${td} text-xs text-slate-600`}>{r.resolutionNote ?? ""}</td>
                <td className={td}><MonthStatus status={r.status} /></td>
              </tr>
            ))}
          </tbody>
        </Table>
      );
    case "signings": {
      const total = records.rows.reduce((s, r) => s + r.amount, 0);
      return (
        <Table caption={caption}>
          <thead>
            <tr className={head}>
              <th scope="col" className={th}>序号</th>
              <th scope="col" className={th}>签约项目</th>
              <th scope="col" className={th}>投资方</th>
              <th scope="col" className={`${th} text-right`}>签约金额（亿元）</th>
              <th scope="col" className={th}>类别</th>
              <th scope="col" className={th}>活动</th>
              <th scope="col" className={th}>签约日期</th>
              <th scope="col" className={th}>落地日期</th>
              <th scope="col" className={th}>{records.dateField === "landed" ? "落地" : "签约"}月月报</th>
            </tr>
          </thead>
          <tbody>
            {records.rows.map((r, i) => (
              <tr key={r.id} className={row}>
                <td className={num}>{i + 1}</td>
                <th scope="row" className={`${td} text-left font-normal`}>{r.name}</th>
                <td className={td}>{r.investor || "—"}</td>
                <td className={num}>{formatExactOrDash(r.amount, 10000)}</td>
                <td className={`${td} text-xs`}>{[r.isOverseas ? "侨港澳台" : null, r.isCultureTourism ? "文旅" : null].filter(Boolean).join("、") || "—"}</td>
                <td className={`${td} text-xs`}>{r.eventName ?? "—"}</td>
                <td className={`${td} tabular whitespace-nowrap`}>{r.signedOn}</td>
                <td className={`${td} tabular whitespace-nowrap`}>{r.landedOn ?? "未落地"}</td>
                <td className={td}><MonthStatus status={r.status} /></td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className={foot}>
              <th scope="row" colSpan={3} className={`${td} text-left`}>合计 {records.rows.length} 个</th>
              <td data-records-total className={num}>{formatExactOrDash(total, 10000)}</td>
              <td colSpan={5} />
            </tr>
          </tfoot>
        </Table>
      );
    }
    case "parks":
      return (
        <Table caption={caption}>
          <thead>
            <tr className={head}>
              <th scope="col" className={th}>序号</th>
              <th scope="col" className={th}>园区编号</th>
              <th scope="col" className={th}>园区名称</th>
              <th scope="col" className={th}>试点</th>
              <th scope="col" className={th}>状态</th>
              <th scope="col" className={th}>计划试运营</th>
              <th scope="col" className={th}>试运营日期</th>
              <th scope="col" className={th}>试运营月月报</th>
            </tr>
          </thead>
          <tbody>
            {records.rows.map((r, i) => (
              <tr key={r.id} className={row}>
                <td className={num}>{i + 1}</td>
                <td className={`${td} tabular whitespace-nowrap`}>{r.code}</td>
                <th scope="row" className={`${td} text-left font-normal`}>{r.name}</th>
                <td className={td}>{r.isPilot ? "是" : "否"}</td>
                <td className={td}>{PARK_STATUS_LABELS[r.parkStatus]}</td>
                <td className={`${td} tabular whitespace-nowrap`}>{r.plannedTrialOn ?? "—"}</td>
                <td className={`${td} tabular whitespace-nowrap`}>{r.trialOperationOn}</td>
                <td className={td}>{r.carriedOver ? <span className="text-xs text-slate-600">上年已达到，1月起计入</span> : <MonthStatus status={r.status} />}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      );
    case "unsupported":
      return <p className="px-4 py-3 text-sm text-slate-600">该指标的计算规则暂不支持列出明细记录。</p>;
  }
}
