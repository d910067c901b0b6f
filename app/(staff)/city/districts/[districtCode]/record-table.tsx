/** The table shell and cell styles shared by the record lists. */
export const th = "px-2 py-2 font-medium whitespace-nowrap";
export const td = "px-2 py-1.5 align-top";
export const num = `${td} tabular text-right whitespace-nowrap`;
export const head = "border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600";
export const row = "border-b border-slate-100";
export const foot = "bg-slate-50 font-semibold";

export function Table({ caption, children }: { caption: string; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table data-records className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
