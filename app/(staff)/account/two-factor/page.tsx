import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/guards";
import { otpauthUri, totpQrSvg } from "@/domain/totp";
import { getDatabase } from "@/db/index";
import { countUnusedRecoveryCodes, getTotpState } from "@/db/mutations/two-factor";
import { startTwoFactorAction } from "./actions";
import { ConfirmTwoFactorForm, DisableTwoFactorForm } from "./two-factor-forms";

export const metadata: Metadata = { title: "两步验证" };

export default async function TwoFactorPage() {
  const user = await requireUser({ allowTwoFactorSetup: true, next: "/account/two-factor" });
  const open = await getDatabase();
  const state = await getTotpState(open, user.id);
  const required = user.role === "city_admin";
  const enabled = !!state?.enabled;
  const pending = !enabled && !!state?.secret;
  const qrSvg = pending ? await totpQrSvg(otpauthUri({ secret: state!.secret!, accountName: user.username, issuer: "推进" })) : "";
  const unusedCodes = enabled ? await countUnusedRecoveryCodes(open, user.id) : 0;
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-bold">两步验证</h1>
      {required && !state?.enabled && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          专项办管理员账号必须开启两步验证后才能继续使用。
        </p>
      )}
      {/* Fixed child positions: the confirm form keeps its state (the recovery codes) across the
          no-JavaScript round trip, where the page re-renders with two-factor already on. */}
      {pending && (
        <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
          <p className="text-sm">1. 用验证器应用扫描二维码，或手动输入密钥。</p>
          <div
            role="img"
            aria-label="两步验证二维码"
            className="h-48 w-48"
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
          <p className="text-sm">
            密钥：<code data-totp-secret className="rounded bg-slate-100 px-1.5 py-0.5 font-mono">{state!.secret}</code>
          </p>
          <p className="text-sm">2. 输入验证器显示的 6 位数字，确认开启。</p>
        </section>
      )}
      <ConfirmTwoFactorForm showForm={pending} />
      {enabled && (
        <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <p>两步验证<strong>已开启</strong>。登录时除密码外，还需输入验证器应用（如 Google Authenticator、Microsoft Authenticator 或其他支持 TOTP 的应用）显示的动态验证码。</p>
          <p className="text-sm text-slate-600">剩余未使用的恢复码：{unusedCodes} 个。</p>
          {!required && <DisableTwoFactorForm />}
        </section>
      )}
      {!enabled && !pending && (
        <form action={startTwoFactorAction} className="rounded-lg border border-slate-200 bg-white p-5">
          <p className="text-sm text-slate-700">开启后，登录时除密码外还需输入手机验证器应用生成的动态验证码。</p>
          <button type="submit" className="mt-3 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">开始设置</button>
        </form>
      )}
    </div>
  );
}
