"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { CHANNEL_LABELS, DELIVERY_CHANNELS, DELIVERY_MODES, KIND_LABELS, MODE_LABELS, NOTIFICATION_KINDS } from "@/domain/notifications/kinds";
import { addWebhookAction, savePreferencesAction } from "./actions";
import { DataTable } from "@/components/ui/data-table";

/** Modes per event kind and channel, plus the email address. Works as a plain form post without JS. */
export function PreferencesForm({ modes, email }: { modes: Record<string, string>; email: string }) {
  const [state, action] = useActionState(savePreferencesAction, initialActionState);
  const value = (key: string) => state.values[key] ?? modes[key]!;
  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="text-lg font-semibold">接收方式</h2>
      <Field name="email" label="接收通知的邮箱" type="email" autoComplete="email" defaultValue={state.values.email ?? email} hint="不填则不发邮件。站内消息总是保留。" error={state.fieldErrors.email} />
      <DataTable caption="各类消息的邮件和群机器人发送方式" density="flush" head={<>
            <tr>
              <th scope="col">消息</th>
              <th scope="col" className="hidden sm:table-cell">站内</th>
              {DELIVERY_CHANNELS.map((c) => (
                <th key={c} scope="col">{CHANNEL_LABELS[c]}</th>
              ))}
            </tr>
      </>}>
            {NOTIFICATION_KINDS.map((k) => (
              <tr key={k} className="border-t">
                <th scope="row">{KIND_LABELS[k]}</th>
                <td className="hidden text-slate-500 sm:table-cell">总是</td>
                {DELIVERY_CHANNELS.map((c) => {
                  const key = `${k}:${c}`;
                  return (
                    <td key={c}>
                      <select name={key} defaultValue={value(key)} aria-label={`${KIND_LABELS[k]}：${CHANNEL_LABELS[c]}`} aria-invalid={!!state.fieldErrors[key]} className="rounded border border-slate-300 px-2 py-1">
                        {DELIVERY_MODES.map((m) => (
                          <option key={m} value={m}>{MODE_LABELS[m]}</option>
                        ))}
                      </select>
                      {state.fieldErrors[key] && <p className="text-xs text-red-700">{state.fieldErrors[key]}</p>}
                    </td>
                  );
                })}
              </tr>
            ))}
      </DataTable>
      <p className="text-xs text-slate-600">“每日汇总”把当天（北京时间）的全部消息合成一封邮件或一条群消息，次日零点后发出。月报被退回、督办单逾期和专项办催报默认立即发送。</p>
      <FormMessage state={state} />
      <SubmitButton>保存接收设置</SubmitButton>
    </form>
  );
}

/** Adds a 企业微信 / 钉钉 group robot; the address is checked on the server before anything is stored. */
export function WebhookForm({ groupLabel }: { groupLabel: string | null }) {
  const [state, action] = useActionState(addWebhookAction, initialActionState);
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="text-lg font-semibold">添加群机器人</h2>
      <p className="text-sm text-slate-600">在企业微信或钉钉群里添加“自定义机器人”，把它的 Webhook 地址粘贴到这里。只接受 http(s) 地址，不接受内网或本机地址。</p>
      <Field name="label" label="名称" defaultValue={state.ok ? "" : state.values.label} error={state.fieldErrors.label} />
      <Field name="url" label="Webhook 地址" type="url" defaultValue={state.ok ? "" : state.values.url} hint="例如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" error={state.fieldErrors.url} />
      <fieldset className="text-sm">
        <legend className="font-medium text-slate-700">发给谁</legend>
        <label className="mr-4 inline-flex items-center gap-1.5">
          <input type="radio" name="scope" value="own" defaultChecked={!groupLabel} /> 只发我的消息
        </label>
        {groupLabel && (
          <label className="inline-flex items-center gap-1.5">
            <input type="radio" name="scope" value="group" defaultChecked /> {groupLabel}全体的消息（每条只发一次）
          </label>
        )}
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pendingText="正在检查地址…">添加</SubmitButton>
    </form>
  );
}
