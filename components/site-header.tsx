import Link from "next/link";

export function SiteHeader({ cityName }: { cityName?: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="flex items-baseline gap-2 text-slate-900 no-underline">
          <span className="text-xl font-bold tracking-wide text-brand-700">推进</span>
          <span className="text-sm text-slate-600">{cityName ? `${cityName}重点项目攻坚调度平台` : "重点项目攻坚调度平台"}</span>
        </Link>
      </div>
    </header>
  );
}
