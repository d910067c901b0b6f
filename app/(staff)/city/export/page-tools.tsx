/**
 * "导出 Excel" (a plain link to the page's export route; works without JavaScript) and "打印"
 * for a city page. Server component; the tools themselves are not printed.
 */
import { PrintButton } from "./print-button";

export function PageTools({ exportHref, exportLabel = "导出 Excel", print = true }: { exportHref?: string; exportLabel?: string; print?: boolean }) {
  return (
    <div className="no-print flex flex-wrap items-center gap-2" role="group" aria-label="导出和打印">
      {exportHref && (
        <a href={exportHref} download data-export-link className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-brand-700 hover:bg-slate-50">
          {exportLabel}
        </a>
      )}
      {print && <PrintButton />}
      {print && (
        <noscript>
          <span className="text-xs text-slate-500">打印：按 Ctrl+P（⌘+P）</span>
        </noscript>
      )}
    </div>
  );
}
