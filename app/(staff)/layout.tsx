import Link from "next/link";
import { DemoBanner } from "@/components/demo-banner";
import { SkipLink } from "@/components/skip-link";
import { getCurrentUser } from "@/app/_lib/guards";
import { ROLE_LABELS } from "@/app/_lib/labels";
import { signOutAction } from "./account/actions";

// Per-request pages: they read the session and the database, and the database exists only at run
// time (never prerender them at build).
export const dynamic = "force-dynamic";


/** The signed-in shell. Each page still calls its own guard: a layout is not a security boundary. */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  const isAdmin = user?.role === "city_admin";
  const isCity = user?.role === "city_admin" || user?.role === "city_leader";
  const isEditor = user?.role === "district_editor" || user?.role === "department_editor";
  return (
    <>
      <SkipLink />
      <DemoBanner />
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="text-xl font-bold tracking-wide text-brand-700 no-underline">推进</Link>
          {user && (
            <nav aria-label="工作台" className="flex flex-wrap items-center gap-4 text-sm">
              {isEditor && <Link href="/district" className="text-slate-700 hover:text-brand-700">填报首页</Link>}
              {isEditor && <Link href="/district/projects" className="text-slate-700 hover:text-brand-700">项目</Link>}
              {isEditor && <Link href="/district/problems" className="text-slate-700 hover:text-brand-700">难题</Link>}
              {isEditor && <Link href="/district/signings" className="text-slate-700 hover:text-brand-700">签约</Link>}
              {isEditor && <Link href="/district/parks" className="text-slate-700 hover:text-brand-700">园区</Link>}
              {isEditor && <Link href="/district/orders" className="text-slate-700 hover:text-brand-700">督办</Link>}
              {isCity && <Link href="/city" className="text-slate-700 hover:text-brand-700">总览</Link>}
              {isCity && <Link href="/city/lagging" className="text-slate-700 hover:text-brand-700">滞后清单</Link>}
              {isCity && <Link href="/city/projects" className="text-slate-700 hover:text-brand-700">重点项目</Link>}
              {isCity && <Link href="/city/rankings" className="text-slate-700 hover:text-brand-700">排名</Link>}
              {isCity && <Link href="/city/completeness" className="text-slate-700 hover:text-brand-700">报送情况</Link>}
              {isCity && <Link href="/city/bulletin" className="text-slate-700 hover:text-brand-700">简报</Link>}
              {isCity && <Link href="/city/orders" className="text-slate-700 hover:text-brand-700">督办</Link>}
              {isAdmin && <Link href="/city/review" className="text-slate-700 hover:text-brand-700">审核</Link>}
              {isAdmin && <Link href="/city/periods" className="text-slate-700 hover:text-brand-700">月份</Link>}
              {isAdmin && <Link href="/city/setup" className="text-slate-700 hover:text-brand-700">专项设置</Link>}
              <Link href="/account" className="text-slate-700 hover:text-brand-700">我的账号</Link>
              {isAdmin && <Link href="/city/users" className="text-slate-700 hover:text-brand-700">用户管理</Link>}
              {isAdmin && <Link href="/city/lockouts" className="text-slate-700 hover:text-brand-700">登录锁定</Link>}
              {isAdmin && <Link href="/city/audit" className="text-slate-700 hover:text-brand-700">审计日志</Link>}
              <span className="text-slate-500">
                {user.displayName} · {ROLE_LABELS[user.role]}
              </span>
              <form action={signOutAction}>
                <button type="submit" className="rounded border border-slate-300 px-2.5 py-1 text-slate-700 hover:bg-slate-100">退出登录</button>
              </form>
            </nav>
          )}
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
