/**
 * The records behind one district's figure, as lists that add up to it: report values by
 * month, projects, monthly project investment, problems, signings or parks. Server components.
 */
import { PARK_STATUS_LABELS, ESCALATION_LABELS } from "@/domain/record-labels";
import { STAGE_LABELS } from "@/domain/project-format";
import { REPORT_STATE_LABELS, REPORT_STATE_STYLES } from "@/domain/labels";
import { monthLabel } from "@/domain/months";
import type { DerivedRecords, ReportValueRow } from "@/db/queries/drilldown";
import type { ReportStatus } from "@/domain/codes";
import { formatExactOrDash, formatPercent, formatYi } from "@/domain/format";
import { InvestmentPivot } from "./investment-pivot";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";

export function MonthStatus({ status }: { status: ReportStatus | null }) {
  if (!status) return <Badge look="soft" tone="red" nowrap>未填报</Badge>;
  return <Badge look="soft" nowrap colors={REPORT_STATE_STYLES[status]}>{REPORT_STATE_LABELS[status]}</Badge>;
}

export function ReportValues(props: { caption: string; rows: ReportValueRow[]; month: string; ratio: boolean; unit: { symbol: string; scale: number }; partUnit: { symbol: string; scale: number } | null; numeratorLabel: string | null; denominatorLabel: string | null }) {
  const { rows, ratio, unit } = props;
  const total = rows.reduce((s, r) => s + (r.value ?? 0), 0);
  const part = props.partUnit ?? { symbol: "", scale: 1 };
  return (
    <DataTable caption={props.caption} density="compact" nowrapHead attrs={{ "data-records": true }} head={<>
        <tr>
          <th scope="col">月份</th>
          {ratio ? (
            <>
              <th scope="col" className="num">{props.numeratorLabel}（{part.symbol}）</th>
              <th scope="col" className="num">{props.denominatorLabel}（{part.symbol}）</th>
              <th scope="col" className="num">比率</th>
              <th scope="col">是否计入</th>
            </>
          ) : (
            <th scope="col" className="num">当月数值（{unit.symbol}）</th>
          )}
          <th scope="col">月报状态</th>
          <th scope="col">备注</th>
        </tr>
    </>} totals={!ratio && <>
          <tr>
            <th scope="row">合计</th>
            <td data-records-total className="num whitespace-nowrap">{formatExactOrDash(total, unit.scale)}</td>
            <td colSpan={2} />
          </tr>
    </>}>
        {rows.map((r) => (
          <tr key={r.month}>
            <th scope="row">{monthLabel(r.month)}</th>
            {ratio ? (
              <>
                <td className="num whitespace-nowrap">{formatExactOrDash(r.numerator, part.scale)}</td>
                <td className="num whitespace-nowrap">{formatExactOrDash(r.denominator, part.scale)}</td>
                <td className="num whitespace-nowrap">{r.numerator != null && r.denominator ? formatPercent(r.numerator / r.denominator) : "—"}</td>
                <td>{r.month === props.month ? <strong>计入（最新一期）</strong> : <span className="text-slate-500">不计入（非最新一期）</span>}</td>
              </>
            ) : (
              <td className="num whitespace-nowrap">{r.value == null ? <span className="text-slate-500">未填</span> : formatExactOrDash(r.value, unit.scale)}</td>
            )}
            <td><MonthStatus status={r.status} /></td>
            <td className="text-xs text-slate-600">{r.note ?? ""}</td>
          </tr>
        ))}
    </DataTable>
  );
}

export function DerivedRecordList({ caption, records, month, year }: { caption: string; records: DerivedRecords; month: string; year: number }) {
  switch (records.kind) {
    case "projects":
      return (
        <DataTable caption={caption} density="compact" nowrapHead attrs={{ "data-records": true }} head={<>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">项目编号</th>
              <th scope="col">项目名称</th>
              <th scope="col">行业</th>
              <th scope="col">实际开工</th>
              <th scope="col">实际建成</th>
              <th scope="col">阶段</th>
              <th scope="col" className="num">总投资（亿元）</th>
              <th scope="col">{records.dateField === "start" ? "开工" : "建成"}月月报</th>
            </tr>
        </>}>
            {records.rows.map((r, i) => (
              <tr key={r.id}>
                <td className="num whitespace-nowrap">{i + 1}</td>
                <td className="tabular whitespace-nowrap">{r.code}</td>
                <th scope="row">{r.name}</th>
                <td>{r.sectorName ?? "未分类"}</td>
                <td className="tabular whitespace-nowrap">{r.actualStartOn ?? "—"}</td>
                <td className="tabular whitespace-nowrap">{r.actualCompletionOn ?? "—"}</td>
                <td>{STAGE_LABELS[r.stage]}</td>
                <td className="num whitespace-nowrap">{formatYi(r.totalInvestment)}</td>
                <td><MonthStatus status={r.status} /></td>
              </tr>
            ))}
        </DataTable>
      );
    case "investment":
      return <InvestmentPivot caption={caption} rows={records.rows} month={month} year={year} />;
    case "problems":
      return (
        <DataTable caption={caption} density="compact" nowrapHead attrs={{ "data-records": true }} head={<>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">项目</th>
              <th scope="col">难题</th>
              <th scope="col">责任单位</th>
              <th scope="col">层级</th>
              <th scope="col">提出日期</th>
              <th scope="col">解决日期</th>
              <th scope="col">解决情况</th>
              <th scope="col">解决月月报</th>
            </tr>
        </>}>
            {records.rows.map((r, i) => (
              <tr key={r.id}>
                <td className="num whitespace-nowrap">{i + 1}</td>
                <td>{r.projectName}<span className="block text-xs text-slate-500">{r.projectCode}</span></td>
                <th scope="row">{r.description}</th>
                <td>{r.responsibleUnit}</td>
                <td>{ESCALATION_LABELS[r.escalationLevel]}</td>
                <td className="tabular whitespace-nowrap">{r.openedOn}</td>
                <td className="tabular whitespace-nowrap">{r.resolvedOn}</td>
                <td className="text-xs text-slate-600">{r.resolutionNote ?? ""}</td>
                <td><MonthStatus status={r.status} /></td>
              </tr>
            ))}
        </DataTable>
      );
    case "signings": {
      const total = records.rows.reduce((s, r) => s + r.amount, 0);
      return (
        <DataTable caption={caption} density="compact" nowrapHead attrs={{ "data-records": true }} head={<>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">签约项目</th>
              <th scope="col">投资方</th>
              <th scope="col" className="num">签约金额（亿元）</th>
              <th scope="col">类别</th>
              <th scope="col">活动</th>
              <th scope="col">签约日期</th>
              <th scope="col">落地日期</th>
              <th scope="col">{records.dateField === "landed" ? "落地" : "签约"}月月报</th>
            </tr>
        </>} totals={<>
            <tr>
              <th scope="row" colSpan={3}>合计 {records.rows.length} 个</th>
              <td data-records-total className="num whitespace-nowrap">{formatExactOrDash(total, 10000)}</td>
              <td colSpan={5} />
            </tr>
        </>}>
            {records.rows.map((r, i) => (
              <tr key={r.id}>
                <td className="num whitespace-nowrap">{i + 1}</td>
                <th scope="row">{r.name}</th>
                <td>{r.investor || "—"}</td>
                <td className="num whitespace-nowrap">{formatExactOrDash(r.amount, 10000)}</td>
                <td className="text-xs">{[r.isOverseas ? "侨港澳台" : null, r.isCultureTourism ? "文旅" : null].filter(Boolean).join("、") || "—"}</td>
                <td className="text-xs">{r.eventName ?? "—"}</td>
                <td className="tabular whitespace-nowrap">{r.signedOn}</td>
                <td className="tabular whitespace-nowrap">{r.landedOn ?? "未落地"}</td>
                <td><MonthStatus status={r.status} /></td>
              </tr>
            ))}
        </DataTable>
      );
    }
    case "parks":
      return (
        <DataTable caption={caption} density="compact" nowrapHead attrs={{ "data-records": true }} head={<>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">园区编号</th>
              <th scope="col">园区名称</th>
              <th scope="col">试点</th>
              <th scope="col">状态</th>
              <th scope="col">计划试运营</th>
              <th scope="col">试运营日期</th>
              <th scope="col">试运营月月报</th>
            </tr>
        </>}>
            {records.rows.map((r, i) => (
              <tr key={r.id}>
                <td className="num whitespace-nowrap">{i + 1}</td>
                <td className="tabular whitespace-nowrap">{r.code}</td>
                <th scope="row">{r.name}</th>
                <td>{r.isPilot ? "是" : "否"}</td>
                <td>{PARK_STATUS_LABELS[r.parkStatus]}</td>
                <td className="tabular whitespace-nowrap">{r.plannedTrialOn ?? "—"}</td>
                <td className="tabular whitespace-nowrap">{r.trialOperationOn}</td>
                <td>{r.carriedOver ? <span className="text-xs text-slate-600">上年已达到，1月起计入</span> : <MonthStatus status={r.status} />}</td>
              </tr>
            ))}
        </DataTable>
      );
    case "unsupported":
      return <p className="px-4 py-3 text-sm text-slate-600">该指标的计算规则暂不支持列出明细记录。</p>;
  }
}
