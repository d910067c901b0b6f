"use client";

/** Opens the browser's print dialog (A4, "另存为 PDF" works too). Without JavaScript the page says to press Ctrl+P. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
      打印
    </button>
  );
}
