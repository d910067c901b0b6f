import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/guards";
import { DISTRICT_KIND_LABELS } from "@/domain/labels";
import { listDepartmentsForSetup, listDistrictsForSetup } from "@/db/queries/setup/reference";
import { DISTRICT_KINDS } from "@/domain/codes";
import { ReferenceTable } from "../_components/reference-table";
import { SpecForm } from "../_components/spec-form";
import {
  createDepartmentAction, createDistrictAction, moveDistrictAction, setDepartmentActiveAction, setDistrictActiveAction, updateDepartmentAction, updateDistrictAction,
} from "./actions";

export const metadata: Metadata = { title: "区县和部门" };

const kindOptions = DISTRICT_KINDS.map((k) => ({ value: k, label: DISTRICT_KIND_LABELS[k] }));

export default async function DistrictsPage() {
  await requirePermission("campaign.manage", {}, { next: "/city/setup/districts" });
  const [districts, departments] = await Promise.all([listDistrictsForSetup(), listDepartmentsForSetup()]);
  return (
    <div className="max-w-6xl space-y-6">
      <p className="text-sm"><Link href="/city/setup" className="text-brand-700 underline">← 专项设置</Link></p>
      <h1 className="text-2xl font-bold">区县和市直部门</h1>
      <p className="text-sm text-slate-600">停用不会删除：历史数据、项目和账号保留，停用后不再出现在填报和排名中。类别用于同类比较（区、县级市、县、开发区）。</p>

      <section aria-labelledby="districts-heading" className="space-y-3">
        <h2 id="districts-heading" className="text-lg font-semibold">区县（{districts.filter((d) => d.active).length} 个启用）</h2>
        <ReferenceTable
          caption="区县，按显示顺序"
          idPrefix="district"
          rows={districts}
          extraHeaders={["类别", "参加月报"]}
          extraCells={(d) => [DISTRICT_KIND_LABELS[d.kind], d.reports ? "是" : "否"]}
          editFields={(d) => [
            { name: "name", label: "名称", defaultValue: d.name },
            { name: "nameEn", label: "英文名称", defaultValue: d.nameEn },
            { name: "kind", label: "类别", type: "select", options: kindOptions, defaultValue: d.kind },
            { name: "reports", label: "参加月报", type: "checkbox", defaultValue: d.reports ? "1" : "" },
          ]}
          actions={{ update: updateDistrictAction, setActive: setDistrictActiveAction, move: moveDistrictAction }}
        />
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-2 font-semibold">新增区县</h3>
          <SpecForm
            action={createDistrictAction}
            fields={[
              { name: "code", label: "代码", hint: "例如 jinjiang；创建后不能修改" },
              { name: "name", label: "名称" },
              { name: "nameEn", label: "英文名称" },
              { name: "kind", label: "类别", type: "select", options: kindOptions, placeholder: "请选择" },
              { name: "reports", label: "参加月报", type: "checkbox", defaultValue: "1" },
            ]}
            submitLabel="新增区县"
            idPrefix="add-district"
            columns={3}
            label="新增区县"
          />
        </div>
      </section>

      <section aria-labelledby="departments-heading" className="space-y-3">
        <h2 id="departments-heading" className="text-lg font-semibold">市直部门（{departments.filter((d) => d.active).length} 个启用）</h2>
        <ReferenceTable
          caption="市直部门"
          idPrefix="department"
          rows={departments}
          editFields={(d) => [
            { name: "name", label: "名称", defaultValue: d.name },
            { name: "nameEn", label: "英文名称", defaultValue: d.nameEn },
          ]}
          actions={{ update: updateDepartmentAction, setActive: setDepartmentActiveAction }}
        />
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-2 font-semibold">新增部门</h3>
          <SpecForm
            action={createDepartmentAction}
            fields={[
              { name: "code", label: "代码", hint: "例如 swj；创建后不能修改" },
              { name: "name", label: "名称" },
              { name: "nameEn", label: "英文名称" },
            ]}
            submitLabel="新增部门"
            idPrefix="add-department"
            columns={3}
            label="新增部门"
          />
        </div>
      </section>
    </div>
  );
}
