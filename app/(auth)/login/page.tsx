import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SiteHeader } from "@/components/site-header";
import { getCurrentUser } from "@/app/_lib/guards";
import { safeNextPath } from "@/app/_lib/action-state";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "工作人员登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  // Signed-in users have nothing to do here.
  if (await getCurrentUser()) redirect(safeNextPath(next, "/account"));
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md px-4 py-12">
        <h1 className="text-2xl font-bold text-slate-900">工作人员登录</h1>
        <p className="mt-1 text-sm text-slate-600">区县、市直部门填报人员和专项办、市领导使用。公众无需登录即可查看公开数据。</p>
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm next={next ? safeNextPath(next, "") || undefined : undefined} />
        </div>
      </main>
    </>
  );
}
