import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/guards";
import { listSectorsForSetup } from "@/db/queries/setup/reference";
import { ReferenceTable } from "../_components/reference-table";
import { SpecForm } from "../_components/spec-form";
import { createSectorAction, moveSectorAction, setSectorActiveAction, updateSectorAction } from "./actions";

export const metadata: Metadata = { title: "行业分类" };

export default async function SectorsPage() {
  await requirePermission("campaign.manage", {}, { next: "/city/setup/sectors" });
  const rows = await listSectorsForSetup();
  return (
    <div className="max-w-5xl space-y-5">
      <p className="text-sm"><Link href="/city/setup" className="text-brand-700 underline">← 专项设置</Link></p>
      <h1 className="text-2xl font-bold">行业分类</h1>
      <p className="text-sm text-slate-600">市重点项目按这些行业汇总（“交通项目 n 个，总投资…”），顺序即汇总表的顺序。停用的行业不能再选用，已有项目保留原行业。</p>
      <ReferenceTable
        caption="行业分类，按显示顺序"
        idPrefix="sector"
        rows={rows}
        editFields={(r) => [
          { name: "name", label: "名称", defaultValue: r.name },
          { name: "nameEn", label: "英文名称", defaultValue: r.nameEn },
        ]}
        actions={{ update: updateSectorAction, setActive: setSectorActiveAction, move: moveSectorAction }}
      />
      <section aria-labelledby="add-sector" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="add-sector" className="mb-2 font-semibold">新增行业</h2>
        <SpecForm
          action={createSectorAction}
          fields={[
            { name: "code", label: "代码", hint: "例如 transport；创建后不能修改" },
            { name: "name", label: "名称" },
            { name: "nameEn", label: "英文名称" },
          ]}
          submitLabel="新增行业"
          idPrefix="add-sector"
          columns={3}
          label="新增行业"
        />
      </section>
    </div>
  );
}
