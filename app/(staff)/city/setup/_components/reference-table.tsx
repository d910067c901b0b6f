import type { ActionState } from "@/app/_lib/action-state";
import type { ReferenceRow } from "@/db/queries/setup/reference";
import { RowButton } from "./row-button";
import { SpecForm, type FieldSpec } from "./spec-form";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";

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
    <DataTable caption={props.caption} look="framed" head={<>
          <tr>
            <th scope="col">名称</th>
            <th scope="col">代码</th>
            {extra.map((h) => <th key={h} scope="col">{h}</th>)}
            <th scope="col">状态</th>
            {props.actions.move && <th scope="col">顺序</th>}
            <th scope="col">操作</th>
          </tr>
    </>}>
          {props.rows.map((r, i) => {
            const hidden = { id: String(r.id), version: String(r.version) };
            return (
              <tr key={r.id} data-code={r.code} className={`border-b border-slate-100 align-top last:border-0 ${r.active ? "" : "bg-slate-50 text-slate-500"}`}>
                <th scope="row" className="font-medium">
                  {r.name}
                  {r.nameEn && <span className="block text-xs font-normal text-slate-500">{r.nameEn}</span>}
                </th>
                <td className="text-slate-600">{r.code}</td>
                {(props.extraCells?.(r) ?? []).map((c, k) => <td key={k}>{c}</td>)}
                <td>
                  {r.active ? <Badge look="soft" colors="bg-green-50 text-green-800">启用</Badge> : <Badge look="soft" colors="bg-slate-200 text-slate-700">已停用</Badge>}
                </td>
                {props.actions.move && (
                  <td className="whitespace-nowrap">
                    <span className="flex gap-1">
                      {i > 0 && <RowButton action={props.actions.move} hidden={{ ...hidden, direction: "up" }} label="上移" srLabel={r.name} />}
                      {i < props.rows.length - 1 && <RowButton action={props.actions.move} hidden={{ ...hidden, direction: "down" }} label="下移" srLabel={r.name} />}
                    </span>
                  </td>
                )}
                <td className="min-w-56">
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
    </DataTable>
  );
}
