import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { can } from "@/domain/policy";
import { monthLabel, monthOf, todayInShanghai } from "@/domain/months";
import { getProblem } from "@/db/queries/problems";
import { monthEditable, problemOwners, requireRecordAccess } from "../../_lib/access";
import { ESCALATION_LABELS, optionsOf, PROBLEM_STATUS_LABELS, PROBLEM_TYPE_LABELS } from "@/domain/record-labels";
import { BackLink } from "@/components/ui/pager";
import { CreatedNotice } from "@/components/ui/form-message";
import { DeadlineCell, ProblemStatusBadge } from "../badges";
import { EditProblemForm, ReopenForm, ResolveForm, StatusForm } from "./problem-forms";
import { ProblemEvidence } from "./evidence-section";
import { formatDateTime } from "@/domain/format";

export const metadata: Metadata = { title: "难题详情" };

export default async function ProblemPage({ params, searchParams }: { params: Promise<{ problemId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser({ next: `/district/problems/${encodeURIComponent((await params).problemId)}` });
  const { problemId } = await params;
  const next = `/district/problems/${encodeURIComponent(problemId)}`;
  const access = await requireRecordAccess(user, "problems", next);
  if (!/^[1-9]\d{0,8}$/.test(problemId)) notFound();
  const problem = await getProblem(Number(problemId), access.campaignId);
  if (!problem) notFound();
  // Another district's problem, or a type the department does not own: 403, audited.
  const ownerDepartmentIds = problemOwners(access.owners, problem.type);
  await requirePermission("report.read", { districtId: problem.districtId, ownerDepartmentIds }, { next });
  const { created, reopened, ev, evs, evn } = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const canAttach = can(user, "record.edit", { districtId: problem.districtId, ownerDepartmentIds });
  const today = todayInShanghai();
  const resolvedMonth = problem.resolvedOn ? monthOf(problem.resolvedOn) : null;
  const resolvedMonthOpen = resolvedMonth ? await monthEditable(user, { campaignId: access.campaignId, districtId: problem.districtId, ownerDepartmentIds }, resolvedMonth) : true;
  const typeOptions = optionsOf(PROBLEM_TYPE_LABELS, access.problemTypes.includes(problem.type) ? access.problemTypes : [...access.problemTypes, problem.type]);

  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/district/problems">难题清单</BackLink>
      <div>
        <h1 className="text-2xl font-bold">{PROBLEM_TYPE_LABELS[problem.type]}难题</h1>
        <p className="text-sm text-slate-600">
          {problem.districtName} · {problem.projectName}
        </p>
        {can(user, "order.issue") && problem.status !== "resolved" && (
          <Link href={`/city/orders/new?subject=problem&problem=${problem.id}`} className="mt-1 inline-block text-sm text-brand-700 underline">下达督办单</Link>
        )}
      </div>
      {created === "1" && <CreatedNotice>难题已登记。</CreatedNotice>}
      {reopened === "1" && problem.status !== "resolved" && <CreatedNotice>难题已重新打开，状态为“{PROBLEM_STATUS_LABELS[problem.status]}”。</CreatedNotice>}

      <dl className="grid grid-cols-[7rem_1fr] gap-y-2 rounded-lg border border-slate-200 bg-white p-5 text-sm">
        <dt className="text-slate-500">状态</dt>
        <dd><ProblemStatusBadge status={problem.status} /></dd>
        <dt className="text-slate-500">问题描述</dt>
        <dd className="whitespace-pre-wrap">{problem.description}</dd>
        <dt className="text-slate-500">责任单位</dt>
        <dd>{problem.responsibleUnit}</dd>
        <dt className="text-slate-500">协调层级</dt>
        <dd>{ESCALATION_LABELS[problem.escalationLevel]}</dd>
        <dt className="text-slate-500">登记日期</dt>
        <dd className="tabular">{problem.openedOn}</dd>
        <dt className="text-slate-500">办结时限</dt>
        <dd><DeadlineCell deadlineOn={problem.deadlineOn} status={problem.status} today={today} /></dd>
        {problem.status === "resolved" && (
          <>
            <dt className="text-slate-500">解决日期</dt>
            <dd className="tabular">{problem.resolvedOn}{problem.resolvedByName && <span className="ml-2 text-slate-500">（{problem.resolvedByName}）</span>}</dd>
            <dt className="text-slate-500">解决情况</dt>
            <dd className="whitespace-pre-wrap">{problem.resolutionNote}</dd>
          </>
        )}
        {problem.updatedByName && (
          <>
            <dt className="text-slate-500">最后修改</dt>
            <dd>{problem.updatedByName} · <span className="tabular">{formatDateTime(problem.updatedAt)}</span></dd>
          </>
        )}
      </dl>

      {problem.status !== "resolved" && (
        <section aria-labelledby="status-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="status-heading" className="mb-3 text-lg font-semibold">更新状态</h2>
          <StatusForm problem={problem} />
        </section>
      )}

      <section aria-labelledby="resolve-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="resolve-heading" className="mb-3 text-lg font-semibold">{problem.status === "resolved" ? "解决情况" : "标记为已解决"}</h2>
        {resolvedMonthOpen ? (
          <ResolveForm problem={problem} />
        ) : (
          <p className="text-sm text-slate-600">
            该难题计入 {problem.districtName}{monthLabel(resolvedMonth!)}的已解决数，该月已报送、审核通过或锁定，解决情况不能再修改，也不能重新打开。如需更正，请联系专项办退回或解锁该月。
          </p>
        )}
      </section>

      {problem.status === "resolved" && resolvedMonthOpen && (
        <section aria-labelledby="reopen-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="reopen-heading" className="mb-3 text-lg font-semibold">重新打开</h2>
          <ReopenForm problem={problem} />
        </section>
      )}

      <ProblemEvidence problemId={problem.id} canAttach={canAttach} canAttachResolution={canAttach && problem.status === "resolved" && resolvedMonthOpen} outcome={{ ev: one(ev), evs: one(evs), evn: one(evn) }} />

      <section aria-labelledby="edit-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="edit-heading" className="mb-3 text-lg font-semibold">修改难题信息</h2>
        <EditProblemForm problem={problem} types={typeOptions} levels={optionsOf(ESCALATION_LABELS)} />
      </section>
    </div>
  );
}
