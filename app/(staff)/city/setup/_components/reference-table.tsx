import type { ActionState } from "@/app/_lib/action-state";
import type { ReferenceRow } from "@/db/queries/setup/reference";
import { RowButton } from "./row-button";
import { SpecForm, type FieldSpec } from "./spec-form";

type Act = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * A shared list (sectors, districts or departments): each row with its code, name, extra
 * columns, active state and the buttons to rename (in a <details>), reorder and deactivate.
 */
export function ReferenceTable<T extends ReferenceRow>(props: {
  caption: string;
  idPrefix: string;
  rows: T[];
  extraHeaders?: string[];
  extraCells?: (row: T) => React.ReactNode[];
  editFields: (row: T) => FieldSpec[];
  actions: { update: Act; setActive: Act; move?: Act };
}) {
  const extra = props.extraHeaders ?? [];
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600">
            <th scope="col" className="px-3 py-2">名称</th>
            <th scope="col" className="px-3 py-2">代码</th>
            {extra.map((h) => <th key={h} scope="col" className="px-3 py-2">{h}</th>)}
            <th scope="col" className="px-3 py-2">状态</th>
            {props.actions.move && <th scope="col" className="px-3 py-2">顺序</th>}
            <th scope="col" className="px-3 py-2">操作</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => {
            const hidden = { id: String(r.id), version: String(r.version) };
            return (
              <tr key={r.id} data-code={r.code} className={`border-b border-slate-100 align-top last:border-0 ${r.active ? "" : "bg-slate-50 text-slate-500"}`}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {r.name}
                  {r.nameEn && <span className="block text-xs font-normal text-slate-500">{r.nameEn}</span>}
                </th>
                <td className="px-3 py-2 text-slate-600">{r.code}</td>
                {(props.extraCells?.(r) ?? []).map((c, k) => <td key={k} className="px-3 py-2">{c}</td>)}
                <td className="px-3 py-2">
                  {r.active ? <span className="rounded-full bg-green-50 px-2 py-0.5 text-xs text-green-800">启用</span> : <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs text-slate-700">已停用</span>}
                </td>
                {props.actions.move && (
                  <td className="whitespace-nowrap px-3 py-2">
                    <span className="flex gap-1">
                      {i > 0 && <RowButton action={props.actions.move} hidden={{ ...hidden, direction: "up" }} label="上移" srLabel={r.name} />}
                      {i < props.rows.length - 1 && <RowButton action={props.actions.move} hidden={{ ...hidden, direction: "down" }} label="下移" srLabel={r.name} />}
                    </span>
                  </td>
                )}
                <td className="min-w-56 px-3 py-2">
                  <div className="flex flex-wrap items-start gap-3">
                    <details>
                      <summary className="cursor-pointer py-2 text-brand-700">修改<span className="sr-only">{r.name}</span></summary>
                      <div className="mt-2 w-72">
                        <SpecForm action={props.actions.update} fields={props.editFields(r)} hidden={hidden} submitLabel="保存" idPrefix={`${props.idPrefix}-${r.id}`} label={`修改${r.name}`} />
                      </div>
                    </details>
                    <RowButton action={props.actions.setActive} hidden={{ ...hidden, active: r.active ? "0" : "1" }} label={r.active ? "停用" : "恢复启用"} srLabel={r.name} variant={r.active ? "danger" : "secondary"} />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
