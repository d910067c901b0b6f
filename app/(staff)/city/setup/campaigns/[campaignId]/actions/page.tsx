import type { Metadata } from "next";
import { requirePermission } from "@/app/_lib/guards";
import { listActionsForSetup, type SetupAction } from "@/db/queries/setup/campaigns";
import { listDepartmentsForSetup } from "@/db/queries/setup/reference";
import { CampaignHeader } from "../../../_components/campaign-header";
import { RowButton } from "../../../_components/row-button";
import { SpecForm, type FieldSpec } from "../../../_components/spec-form";
import { loadSetupCampaign } from "../../../_lib/load";
import { createActionAction, moveActionAction, updateActionAction } from "./actions";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "专项行动设置" };

function editFields(a: SetupAction | null, departments: { value: string; label: string }[]): FieldSpec[] {
  return [
    { name: "name", label: "名称", defaultValue: a?.name },
    { name: "nameEn", label: "英文名称", defaultValue: a?.nameEn },
    { name: "groupLabel", label: "分组", defaultValue: a?.groupLabel, hint: "专项自己的编号，例如“1+3+2”中的 1、3、2" },
    { name: "leadDepartmentId", label: "牵头部门", type: "select", placeholder: "（未设）", options: departments, defaultValue: a?.leadDepartmentId ? String(a.leadDepartmentId) : "" },
    { name: "summary", label: "简介", type: "textarea", defaultValue: a?.summary, wide: true },
  ];
}

export default async function ActionsSetupPage({ params }: { params: Promise<{ campaignId: string }> }) {
  await requirePermission("campaign.manage", {}, { next: `/city/setup/campaigns/${encodeURIComponent((await params).campaignId)}/actions` });
  const { campaignId } = await params;
  const { campaign: c, isCurrent } = await loadSetupCampaign(campaignId);
  const [rows, deps] = await Promise.all([listActionsForSetup(c.id), listDepartmentsForSetup()]);
  const departments = deps.filter((d) => d.active).map((d) => ({ value: String(d.id), label: d.name }));
  const editable = c.status !== "archived";
  const top = rows.filter((r) => r.parentId === null);
  return (
    <div className="space-y-6">
      <CampaignHeader campaign={c} isCurrent={isCurrent} tab="actions" heading="专项行动" />
      <DataTable caption="专项行动及子行动，按显示顺序" look="framed" head={<>
            <tr>
              <th scope="col">分组</th>
              <th scope="col">名称</th>
              <th scope="col">牵头部门</th>
              <th scope="col" className="num">指标</th>
              {editable && <th scope="col">顺序</th>}
              {editable && <th scope="col">修改</th>}
            </tr>
      </>}>
            {rows.length === 0 && (
              <tr>
                <td colSpan={6} className="py-6 text-center text-slate-500">还没有专项行动，请在下面新增。</td>
              </tr>
            )}
            {rows.map((a) => {
              const siblings = rows.filter((r) => r.parentId === a.parentId);
              const i = siblings.findIndex((r) => r.id === a.id);
              const hidden = { campaignId: String(c.id), actionId: String(a.id), version: String(a.version) };
              return (
                <tr key={a.id} data-action-code={a.code} className={`border-b border-slate-100 align-top last:border-0 ${a.parentId ? "bg-slate-50/50" : ""}`}>
                  <td className="text-slate-600">{a.parentId ? "" : a.groupLabel}</td>
                  <th scope="row" className={`px-3 py-2 text-left font-normal ${a.parentId ? "pl-8" : ""}`}>
                    <span className={a.parentId ? "" : "font-medium"}>{a.parentId ? "└ " : ""}{a.name}</span>
                    <span className="ml-2 text-xs text-slate-500">{a.code}</span>
                  </th>
                  <td>{a.leadDepartmentName ?? <span className="text-slate-400">未设</span>}</td>
                  <td className="num">{a.indicators}</td>
                  {editable && (
                    <td className="whitespace-nowrap">
                      <span className="flex gap-1">
                        {i > 0 && <RowButton action={moveActionAction} hidden={{ ...hidden, direction: "up" }} label="上移" srLabel={a.name} />}
                        {i < siblings.length - 1 && <RowButton action={moveActionAction} hidden={{ ...hidden, direction: "down" }} label="下移" srLabel={a.name} />}
                      </span>
                    </td>
                  )}
                  {editable && (
                    <td className="min-w-64">
                      <details>
                        <summary className="cursor-pointer text-brand-700">修改<span className="sr-only">{a.name}</span></summary>
                        <div className="mt-2">
                          <SpecForm action={updateActionAction} fields={editFields(a, departments)} hidden={hidden} submitLabel="保存" idPrefix={`action-${a.id}`} label={`修改${a.name}`} />
                        </div>
                      </details>
                    </td>
                  )}
                </tr>
              );
            })}
      </DataTable>
      {editable && (
        <section aria-labelledby="add-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="add-heading" className="mb-2 font-semibold">新增专项行动或子行动</h2>
          <SpecForm
            action={createActionAction}
            hidden={{ campaignId: String(c.id) }}
            fields={[
              { name: "code", label: "代码", hint: "小写字母开头，例如 culture_tourism_plus；创建后不能修改" },
              { name: "parentId", label: "上级行动", type: "select", placeholder: "（无，作为一级行动）", options: top.map((t) => ({ value: String(t.id), label: t.name })) },
              ...editFields(null, departments),
            ]}
            submitLabel="新增"
            pendingText="正在新增…"
            idPrefix="add-action"
            columns={2}
            label="新增专项行动"
          />
        </section>
      )}
    </div>
  );
}
