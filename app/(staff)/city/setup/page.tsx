import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/guards";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { listCampaignsForSetup } from "@/db/queries/setup/campaigns";
import { CurrentBadge, StatusBadge } from "./_components/campaign-header";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "专项设置" };

export default async function SetupPage() {
  await requirePermission("campaign.manage", {}, { next: "/city/setup" });
  const [rows, current] = await Promise.all([listCampaignsForSetup(), getCurrentCampaign()]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">专项设置</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">
            设置每年的专项行动、指标、目标和填报月份，不需要改代码。专项的状态：<strong>草稿</strong>（正在设置，区县看不到）→ <strong>启用</strong> → <strong>归档</strong>（只读，仍对外公开）。
            全系统（区县填报、市级汇总、公开网站）使用标为“当前专项”的那一个；新建或复制专项不会改变当前专项。
          </p>
        </div>
        <Link href="/city/setup/campaigns/new" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-800">
          新建专项 / 复制往年结构
        </Link>
      </div>

      <DataTable caption={<>全部专项，共 {rows.length} 个</>} look="framed" head={<>
            <tr>
              <th scope="col">专项</th>
              <th scope="col">年度</th>
              <th scope="col">状态</th>
              <th scope="col" className="num">专项行动</th>
              <th scope="col" className="num">指标</th>
              <th scope="col" className="num">项目</th>
              <th scope="col" className="num">开放月份</th>
            </tr>
      </>}>
            {rows.length === 0 && (
              <tr>
                <td colSpan={7} className="py-6 text-center text-slate-500">还没有专项，请新建。</td>
              </tr>
            )}
            {rows.map((c) => (
              <tr key={c.id} data-campaign={c.slug}>
                <th scope="row">
                  <Link href={`/city/setup/campaigns/${c.id}`} className="font-medium text-brand-700 underline">
                    {c.cityName}“{c.title}”{c.subtitle}
                  </Link>
                  <span className="ml-2 text-xs text-slate-500">{c.slug}</span>
                </th>
                <td className="tabular">{c.year}</td>
                <td>
                  <span className="flex flex-wrap gap-1">
                    <StatusBadge status={c.status} />
                    {current?.id === c.id && <CurrentBadge />}
                  </span>
                </td>
                <td className="num">{c.actions}</td>
                <td className="num">{c.indicators}</td>
                <td className="num">{c.projects}</td>
                <td className="num">{c.openMonths} / 12</td>
              </tr>
            ))}
      </DataTable>

      <section aria-labelledby="shared-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="shared-heading" className="font-semibold">各专项共用的名录</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          <li><Link href="/city/setup/sectors" className="text-brand-700 underline">行业分类</Link>：市重点项目按行业汇总（产业、基础设施、社会民生、交通……）。</li>
          <li><Link href="/city/setup/districts" className="text-brand-700 underline">区县和市直部门</Link>：新增、改名、停用（历史数据保留），区县类别（区、县级市、县、开发区）。</li>
          <li><Link href="/city/setup/boundaries" className="text-brand-700 underline">区县边界</Link>：导入各区县的 GeoJSON 边界，用于进度地图和项目位置图。</li>
        </ul>
      </section>
    </div>
  );
}
