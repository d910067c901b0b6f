"use client";

/** Opens the browser's print dialog (the page's print CSS fits A4 and leaves out navigation). */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} data-print-button className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50">
      打印
    </button>
  );
}
