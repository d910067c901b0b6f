import type { ActionState } from "@/app/_lib/action-state";

export interface ImportState extends ActionState {
  rowErrors: { line: number; message: string }[];
  summary: {
    created: number;
    unchanged: number;
    updated: { code: string; name: string; changes: { label: string; before: string; after: string }[] }[];
  } | null;
}

export const initialImportState: ImportState = { ok: false, message: null, fieldErrors: {}, values: {}, rowErrors: [], summary: null };
