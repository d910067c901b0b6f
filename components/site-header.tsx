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

type NavLink = readonly [href: string, label: string];

const EDITOR_LINKS: readonly NavLink[] = [["/district", "填报首页"], ["/district/projects", "项目"], ["/district/problems", "难题"], ["/district/signings", "签约"], ["/district/parks", "园区"], ["/district/orders", "督办"]];
const CITY_LINKS: readonly NavLink[] = [["/city", "总览"], ["/city/lagging", "滞后清单"], ["/city/projects", "重点项目"], ["/city/rankings", "排名"], ["/city/completeness", "报送情况"], ["/city/bulletin", "简报"], ["/city/orders", "督办"]];
/** The campaign office's settings pages, grouped under one "设置" menu so the bar fits one line at 1280 px. */
const ADMIN_SETTINGS: readonly NavLink[] = [["/city/periods", "月份"], ["/city/setup", "专项设置"], ["/city/users", "用户管理"], ["/city/lockouts", "登录锁定"], ["/city/audit", "审计日志"], ["/city/outbox", "消息发送记录"]];

const link = "whitespace-nowrap text-slate-700 hover:text-brand-700";

/**
 * The signed-in shell's bar: the pages of the user's role, the admin's settings in a <details>
 * menu (works without JavaScript), the account and sign-out. One line at 1280 px; wraps to a
 * few short lines at 390 px. Not printed.
 */
export function StaffHeader({ user, roleLabel, signOut, unread = 0 }: { user: { displayName: string; role: string } | null; roleLabel: string; signOut: (formData: FormData) => Promise<void>; unread?: number }) {
  const role = user?.role;
  const isAdmin = role === "city_admin";
  const isCity = isAdmin || role === "city_leader";
  const isEditor = role === "district_editor" || role === "department_editor";
  const main = [...(isEditor ? EDITOR_LINKS : []), ...(isCity ? CITY_LINKS : []), ...(isAdmin ? ([["/city/review", "审核"]] as const) : [])];
  return (
    <header className="no-print border-b border-slate-200 bg-white" data-staff-header>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-xl font-bold tracking-wide text-brand-700 no-underline">推进</Link>
        {user && (
          <nav aria-label="工作台" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            {main.map(([href, label]) => (
              <Link key={href} href={href} className={link}>{label}</Link>
            ))}
            {isAdmin && (
              <details className="relative" data-settings-menu>
                <summary className={`${link} cursor-pointer select-none`}>设置</summary>
                <ul className="absolute right-0 z-20 mt-2 w-36 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
                  {ADMIN_SETTINGS.map(([href, label]) => (
                    <li key={href}>
                      <Link href={href} className="block px-3 py-1.5 text-slate-700 no-underline hover:bg-slate-50 hover:text-brand-700">{label}</Link>
                    </li>
                  ))}
                </ul>
              </details>
            )}
            <Link href="/account/notifications" className={`${link} inline-flex items-center gap-1`} aria-label={unread > 0 ? `消息通知（${unread} 条未读）` : "消息通知（无未读）"} data-bell>
              <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current"><path d="M10 2a5 5 0 0 0-5 5v3.6L3.3 13.4A1 1 0 0 0 4.2 15h11.6a1 1 0 0 0 .9-1.6L15 10.6V7a5 5 0 0 0-5-5Zm0 17a2.5 2.5 0 0 0 2.4-2h-4.8A2.5 2.5 0 0 0 10 19Z" /></svg>
              消息
              {unread > 0 && <span data-unread-count className="rounded-full bg-red-600 px-1.5 text-xs font-semibold leading-5 text-white">{unread > 99 ? "99+" : unread}</span>}
            </Link>
            <Link href="/account" className={link} aria-label={`${user.displayName} · ${roleLabel}（我的账号）`}>
              {user.displayName}<span className="text-slate-500"> · {roleLabel}</span>
            </Link>
            <form action={signOut}>
              <button type="submit" className="whitespace-nowrap rounded border border-slate-300 px-2.5 py-1 text-slate-700 hover:bg-slate-100">退出登录</button>
            </form>
          </nav>
        )}
      </div>
    </header>
  );
}
