/**
 * The one table: a caption (hidden unless `captionVisible`), header cells with scope, a header
 * that sticks while a `scroll` table scrolls, right-aligned tabular numbers (class "num" on a th
 * or td), an optional totals row (tfoot) and export link. Cell padding, borders and header type
 * come from the `.dt` rules in app/globals.css, so cells carry no class list of their own.
 * Rows stay the caller's: they carry the data-* hooks tests and scripts use.
 */
import type { ReactNode } from "react";

export type Column = string | { label: ReactNode; num?: boolean; className?: string; key?: string };

export function DataTable(props: {
  caption: ReactNode;
  captionVisible?: boolean;
  /** Classes of a visible caption (default: small, medium weight, left). */
  captionClassName?: string;
  /** Header cells (scope="col"); false/null entries are skipped. Use `head` for grouped headers. */
  columns?: readonly (Column | false | null | undefined)[];
  /** Whole header rows, when a header needs colSpan or several rows. */
  head?: ReactNode;
  children: ReactNode;
  /** Totals row(s), rendered in tfoot. */
  totals?: ReactNode;
  exportHref?: string;
  exportLabel?: string;
  /** "framed": a white card with a border (lists, public pages); "plain": no frame. */
  look?: "framed" | "plain";
  /**
   * "compact": narrower cell padding; "tight": compact with short rows; "flush": no side padding or header fill (tables inside a
   * card's text); "dense": "flush" with small rows (error lists inside forms); "print": a printed
   * sheet's rules (dark header words, a line under every row, rows not split across pages); "grid": a
   * board of small cells (narrow centred cells, a wider first column, plain counts at the foot).
   */
  density?: "normal" | "compact" | "tight" | "flush" | "dense" | "print" | "grid";
  /** The first column (row headers) stays in view while the table scrolls sideways. */
  stickyFirstColumn?: boolean;
  /** Extra-small type (printed sheets). */
  small?: boolean;
  /**
   * Children are whole <tbody> groups (a row and its note), not rows. "notes": each group's
   * last row is a note to the rows above, which then keep no bottom padding.
   */
  bodies?: boolean | "notes";
  /** data-* attributes on the table element. */
  attrs?: Record<`data-${string}`, string | boolean | undefined>;
  /** Header cells never wrap. */
  nowrapHead?: boolean;
  /** Bound the height and scroll inside, so the sticky header stays in view on long tables. */
  scroll?: boolean;
  /** Extra classes on the table (min-w-…, table-fixed). */
  className?: string;
  /** Extra classes on the wrapper. */
  wrapClassName?: string;
  colgroup?: ReactNode;
  id?: string;
  "data-testid"?: string;
}) {
  const density = (props.density && props.density !== "normal" ? ` dt-${props.density}` : "") + (props.nowrapHead ? " dt-nowrap" : "") + (props.bodies === "notes" ? " dt-notes" : "") + (props.stickyFirstColumn ? " dt-sticky" : "");
  const wrap = ["overflow-x-auto", props.look === "framed" && "rounded-lg border border-slate-200 bg-white", props.scroll && "dt-scroll", props.wrapClassName].filter(Boolean).join(" ");
  const cols = (props.columns ?? []).filter((c): c is Column => !!c);
  return (
    <>
      <div className={wrap}>
        <table id={props.id} {...props.attrs} className={`dt${density} w-full ${props.small ? "text-xs" : "text-sm"}${props.className ? ` ${props.className}` : ""}`}>
          <caption className={props.captionVisible ? (props.captionClassName ?? "dt-caption") : "sr-only"}>{props.caption}</caption>
          {props.colgroup}
          <thead>
            {props.head ?? (
              <tr>
                {cols.map((c, i) =>
                  typeof c === "string" ? (
                    <th key={i} scope="col">{c}</th>
                  ) : (
                    <th key={c.key ?? i} scope="col" className={[c.num && "num", c.className].filter(Boolean).join(" ") || undefined}>{c.label}</th>
                  ),
                )}
              </tr>
            )}
          </thead>
          {props.bodies ? props.children : <tbody>{props.children}</tbody>}
          {props.totals && <tfoot>{props.totals}</tfoot>}
        </table>
      </div>
      {props.exportHref && (
        <p className="no-print mt-1 text-right text-sm">
          <a href={props.exportHref} className="text-brand-700 underline">{props.exportLabel ?? "导出 Excel"}</a>
        </p>
      )}
    </>
  );
}

/** The one row a table shows when it has no rows. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="py-6 text-center text-slate-500">{children}</td>
    </tr>
  );
}
