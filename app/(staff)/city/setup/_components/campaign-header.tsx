import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { CampaignStatus } from "@/domain/codes";
import { CAMPAIGN_STATUS_HINTS, CAMPAIGN_STATUS_LABELS, CAMPAIGN_STATUS_STYLES } from "../_lib/labels";

export type SetupTab = "overview" | "actions" | "indicators" | "targets" | "periods" | "projects";

const TABS: { tab: SetupTab; label: string; path: string }[] = [
  { tab: "overview", label: "概况", path: "" },
  { tab: "actions", label: "专项行动", path: "/actions" },
  { tab: "indicators", label: "指标", path: "/indicators" },
  { tab: "targets", label: "目标", path: "/targets" },
  { tab: "periods", label: "填报月份", path: "/periods" },
  { tab: "projects", label: "重点项目导入", path: "/projects" },
];

export function StatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <Badge look="strong" title={CAMPAIGN_STATUS_HINTS[status]} colors={CAMPAIGN_STATUS_STYLES[status]}>
      {CAMPAIGN_STATUS_LABELS[status]}
    </Badge>
  );
}

export function CurrentBadge() {
  return <Badge look="strong" colors="bg-brand-700 text-white">当前专项</Badge>;
}

/** Title, status and tabs of a campaign's set-up pages; an archived campaign says it is read-only. */
export function CampaignHeader(props: {
  campaign: { id: number; year: number; cityName: string; title: string; subtitle: string; status: CampaignStatus };
  isCurrent: boolean;
  tab: SetupTab;
  heading: string;
}) {
  const c = props.campaign;
  const base = `/city/setup/campaigns/${c.id}`;
  return (
    <div className="space-y-3">
      <p className="text-sm">
        <Link href="/city/setup" className="text-brand-700 underline">← 专项设置</Link>
      </p>
      <div>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span>{c.cityName} {c.year}年“{c.title}”{c.subtitle}</span>
          <StatusBadge status={c.status} />
          {props.isCurrent && <CurrentBadge />}
        </p>
        <h1 className="mt-1 text-2xl font-bold">{props.heading}</h1>
      </div>
      <nav aria-label="专项设置栏目" className="flex flex-wrap gap-1 border-b border-slate-200 text-sm">
        {TABS.map((t) => (
          <Link
            key={t.tab}
            href={`${base}${t.path}`}
            aria-current={t.tab === props.tab ? "page" : undefined}
            className={`-mb-px rounded-t-md border px-3 py-1.5 no-underline ${t.tab === props.tab ? "border-slate-200 border-b-white bg-white font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-brand-700"}`}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      {c.status === "archived" && (
        <p role="status" className="rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-sm text-slate-800">
          该专项已<strong>归档</strong>：只读，数据仍对外公开，不能再修改。
        </p>
      )}
      {c.status === "draft" && (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          该专项为<strong>草稿</strong>：设置完成后在“概况”中启用，再设为当前专项，区县才能看到并填报。
        </p>
      )}
    </div>
  );
}
