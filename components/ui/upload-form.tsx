"use client";

/**
 * A file upload form posting multipart to a server action (plain post without JavaScript): the
 * file input with its label and error, any extra fields, the submit button, the overall message
 * and, when the file had errors, the table of rows to correct. The caller owns useActionState.
 * With JavaScript a file larger than any action can take is stopped before it is sent, with the
 * message next to the field (the server would refuse its body with a bare 413); the form's own
 * limit, lower, is the action's to check.
 */
import { useState, type FormEvent, type ReactNode } from "react";
import { ACTION_FILE_MAX_BYTES, fileTooBig } from "@/domain/upload-limits";
import { DataTable } from "./data-table";
import { FieldError } from "./field";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";

export const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface RowError {
  sheet?: string;
  line: number;
  message: string;
}

export function UploadForm(props: {
  action: (formData: FormData) => void;
  state: { ok: boolean; message: string | null; fieldErrors: Record<string, string> };
  /** Id of the file input (its error is `${id}-error`). */
  id: string;
  label: string;
  /** The label only for screen readers (a section heading already says it). */
  labelHidden?: boolean;
  accept?: string;
  hidden?: Record<string, string | number>;
  submitLabel?: string;
  pendingText?: string;
  variant?: "primary" | "secondary";
  /** Extra fields under the file input; the form then stacks instead of laying out in a row. */
  children?: ReactNode;
  /** Put the button on its own line below the label's height (row layout). */
  alignButton?: boolean;
  rowErrors?: readonly RowError[];
  /** Show a 工作表 column in the row errors. */
  withSheet?: boolean;
  inputClassName?: string;
}) {
  const stacked = !!props.children;
  const [tooBig, setTooBig] = useState<string | null>(null);
  const checkSize = (e: FormEvent<HTMLFormElement>) => {
    const input = e.currentTarget.elements.namedItem("file");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    if (file && file.size > ACTION_FILE_MAX_BYTES) {
      e.preventDefault();
      setTooBig(fileTooBig(file.size, ACTION_FILE_MAX_BYTES));
    } else setTooBig(null);
  };
  const fileError = tooBig ?? props.state.fieldErrors.file;
  const button = <SubmitButton variant={props.variant ?? "primary"} pendingText={props.pendingText ?? "正在检查…"}>{props.submitLabel ?? "上传并导入"}</SubmitButton>;
  return (
    <>
      <form action={props.action} onSubmit={checkSize} encType="multipart/form-data" className={stacked ? "space-y-1" : "flex flex-wrap items-start gap-3"} noValidate={stacked || undefined}>
        {Object.entries(props.hidden ?? {}).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <div>
          <label htmlFor={props.id} className={props.labelHidden ? "sr-only" : "block text-sm font-medium text-slate-700"}>{props.label}</label>
          <input id={props.id} name="file" type="file" accept={props.accept ?? XLSX_ACCEPT} aria-invalid={!!fileError} aria-describedby={`${props.id}-error`}
            className={`${props.labelHidden ? "" : "mt-1 "}text-sm${props.inputClassName ? ` ${props.inputClassName}` : ""}`} />
          <FieldError id={`${props.id}-error`} error={fileError} />
        </div>
        {props.children}
        {props.alignButton ? <div className="pt-6">{button}</div> : button}
      </form>
      <FormMessage state={props.state} />
      {props.rowErrors && props.rowErrors.length > 0 && <RowErrors rows={props.rowErrors} withSheet={props.withSheet} />}
    </>
  );
}

export function RowErrors({ rows, withSheet, limit }: { rows: readonly RowError[]; withSheet?: boolean; limit?: number }) {
  return (
    <DataTable caption="需要改正的行" captionVisible density="dense" look="plain" columns={[withSheet && "工作表", "行号", "问题"]} wrapClassName="dt-errors">
      {rows.slice(0, limit ?? rows.length).map((e, i) => (
        <tr key={i}>
          {withSheet && <td>{e.sheet}</td>}
          <td className="tabular whitespace-nowrap">{e.line > 0 ? `第 ${e.line} 行` : "……"}</td>
          <td className="text-red-800">{e.message}</td>
        </tr>
      ))}
    </DataTable>
  );
}
