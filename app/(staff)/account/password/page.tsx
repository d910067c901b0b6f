import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/guards";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "修改密码" };

export default async function ChangePasswordPage() {
  const user = await requireUser({ allowPasswordChange: true, allowTwoFactorSetup: true, next: "/account/password" });
  return (
    <div className="max-w-md">
      <h1 className="text-2xl font-bold">修改密码</h1>
      {user.mustChangePassword && (
        <p role="status" className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          您正在使用管理员设置的初始密码，请先设置自己的新密码再继续使用。
        </p>
      )}
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <PasswordForm />
      </div>
    </div>
  );
}
