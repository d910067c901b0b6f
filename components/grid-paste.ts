import type { ClipboardEvent, FocusEvent, KeyboardEvent, MouseEvent } from "react";

/**
 * Pasting a column or block copied from Excel into a grid of inputs: it fills the grid from the
 * focused cell, down the rows and across the columns, never into one cell (a browser would join
 * the lines of a column into one number). Inputs take part through `data-grid-row` and
 * `data-grid-col`; columns the grid does not have are dropped, so a block's first column lands
 * in the focused column. A single value is left to the browser (returns null).
 */
export function pasteIntoGrid(e: ClipboardEvent<HTMLElement>): { filled: number; dropped: number } | null {
  const target = e.target as HTMLElement;
  const row = Number(target.dataset?.gridRow);
  const col = Number(target.dataset?.gridCol);
  const text = e.clipboardData.getData("text/plain");
  if (!target.dataset || Number.isNaN(row) || Number.isNaN(col) || !/[\t\n]/.test(text.trim())) return null;
  e.preventDefault();
  const lines = text.replace(/\r/g, "").replace(/\n$/, "").split("\n");
  const grid = e.currentTarget;
  let filled = 0;
  lines.forEach((line, i) => {
    let any = false;
    line.split("\t").forEach((cell, j) => {
      const input = grid.querySelector<HTMLInputElement>(`input[data-grid-row="${row + i}"][data-grid-col="${col + j}"]`);
      if (input && !input.disabled && !input.readOnly) {
        input.value = cell.trim();
        any = true;
      }
    });
    if (any) filled++;
  });
  return { filled, dropped: lines.length - filled };
}

/**
 * Enter in a grid input moves to the same column one row down, like a spreadsheet; on the last row
 * it submits as usual. An input marked `data-enter="submit"` (a free-text note) keeps Enter as submit.
 */
export function enterMovesDown(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== "Enter" || e.shiftKey || e.nativeEvent.isComposing) return;
  const target = e.target as HTMLElement;
  if (target.dataset?.enter === "submit") return;
  const row = Number(target.dataset?.gridRow);
  const col = Number(target.dataset?.gridCol);
  if (Number.isNaN(row) || Number.isNaN(col)) return;
  const next = e.currentTarget.querySelector<HTMLInputElement>(`input[data-grid-row="${row + 1}"][data-grid-col="${col}"]`);
  if (!next) return;
  e.preventDefault();
  next.focus();
  next.select();
}

const isGridInput = (t: EventTarget | null): t is HTMLInputElement => t instanceof HTMLInputElement && t.type !== "checkbox" && t.dataset.gridRow !== undefined;

/** Focus on a grid input selects what it holds, so typing over a pre-filled value replaces it (no Ctrl+A). */
export function selectOnFocus(e: FocusEvent<HTMLElement>): void {
  if (isGridInput(e.target)) e.target.select();
}

// The input a mouse press is focusing: the mouseup of that same click would collapse the selection.
let focusingByMouse: EventTarget | null = null;

/** With selectOnFocus: remembers an input that a mouse press is about to focus. */
export function noteMouseFocus(e: MouseEvent<HTMLElement>): void {
  focusingByMouse = isGridInput(e.target) && e.target !== document.activeElement ? e.target : null;
}

/** With selectOnFocus: the click that focused an input keeps its selection; later clicks place the caret as usual. */
export function keepSelectionOnMouseUp(e: MouseEvent<HTMLElement>): void {
  if (focusingByMouse !== null && e.target === focusingByMouse) e.preventDefault();
  focusingByMouse = null;
}

/** The handlers a grid's container spreads on itself: select on focus (keyboard or mouse), Enter moves down. */
export const gridKeys = { onFocus: selectOnFocus, onMouseDown: noteMouseFocus, onMouseUp: keepSelectionOnMouseUp, onKeyDown: enterMovesDown };
