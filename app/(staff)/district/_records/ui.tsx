/**
 * Small pieces shared by the problem, signing and park pages. No hooks, so they render in
 * server and client components alike.
 */
import Link from "next/link";

export const controlCls = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
export const labelCls = "block text-sm font-medium text-slate-700";
export const thCls = "px-3 py-2 font-medium whitespace-nowrap";
export const tdCls = "px-3 py-2 align-top";

/** A labelled textarea whose error sits under it, like Field in components/form.tsx. */
export function TextAreaField(props: { name: string; label: string; defaultValue?: string; hint?: string; error?: string; rows?: number }) {
  const errorId = `${props.name}-error`;
  const hintId = `${props.name}-hint`;
  return (
    <div>
      <label htmlFor={props.name} className={labelCls}>
        {props.label}
      </label>
      {props.hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {props.hint}
        </p>
      )}
      <textarea
        id={props.name}
        name={props.name}
        rows={props.rows ?? 3}
        defaultValue={props.defaultValue}
        aria-invalid={!!props.error}
        aria-describedby={[props.hint ? hintId : null, errorId].filter(Boolean).join(" ")}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 aria-[invalid=true]:border-red-600"
      />
      <p id={errorId} aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">
        {props.error ?? ""}
      </p>
    </div>
  );
}

/** A checkbox sending "1" when ticked, with its error under it. */
export function CheckboxField(props: { name: string; label: string; defaultChecked?: boolean; hint?: string; error?: string }) {
  const errorId = `${props.name}-error`;
  const hintId = `${props.name}-hint`;
  return (
    <div>
      <div className="flex items-center gap-2">
        <input
          id={props.name}
          name={props.name}
          type="checkbox"
          value="1"
          defaultChecked={props.defaultChecked}
          aria-invalid={!!props.error}
          aria-describedby={[props.hint ? hintId : null, errorId].filter(Boolean).join(" ")}
          className="h-4 w-4 rounded border-slate-300 accent-brand-700"
        />
        <label htmlFor={props.name} className="text-sm font-medium text-slate-700">
          {props.label}
        </label>
      </div>
      {props.hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {props.hint}
        </p>
      )}
      <p id={errorId} aria-live="polite" className="min-h-5 text-sm text-red-700">
        {props.error ?? ""}
      </p>
    </div>
  );
}

export type BadgeTone = "red" | "amber" | "green" | "slate" | "blue";

const TONES: Record<BadgeTone, string> = {
  red: "border-red-300 bg-red-50 text-red-800",
  amber: "border-amber-300 bg-amber-50 text-amber-900",
  green: "border-green-300 bg-green-50 text-green-800",
  slate: "border-slate-300 bg-slate-50 text-slate-700",
  blue: "border-sky-300 bg-sky-50 text-sky-900",
};

/** A badge always carries words; the colour only repeats them. */
export function Badge({ tone, children }: { tone: BadgeTone; children: React.ReactNode }) {
  return <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[tone]}`}>{children}</span>;
}

export function Pager({ page, lastPage, hrefFor }: { page: number; lastPage: number; hrefFor: (page: number) => string }) {
  if (lastPage <= 1) return null;
  return (
    <nav aria-label="分页" className="flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className="text-brand-700 underline">
          ← 上一页
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">
        第 {page} / {lastPage} 页
      </span>
      {page < lastPage ? (
        <Link href={hrefFor(page + 1)} className="text-brand-700 underline">
          下一页 →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p className="text-sm">
      <Link href={href} className="text-brand-700 underline">
        ← {children}
      </Link>
    </p>
  );
}

/** The green notice after a redirect (…?created=1). */
export function CreatedNotice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
      {children}
    </p>
  );
}
