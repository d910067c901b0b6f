/**
 * A labelled select whose error sits under it, like Field in components/form.tsx. No hooks, so
 * it renders in server and client components alike.
 */
export interface SelectOption {
  value: string;
  label: string;
}

export function SelectField(props: {
  name: string;
  label: string;
  options: readonly SelectOption[];
  defaultValue?: string;
  /** Text of a leading blank option ("" value); omitted when the field always has a value. */
  placeholder?: string;
  hint?: string;
  error?: string;
  className?: string;
}) {
  const errorId = `${props.name}-error`;
  const hintId = `${props.name}-hint`;
  return (
    <div className={props.className}>
      <label htmlFor={props.name} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      {props.hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {props.hint}
        </p>
      )}
      <select
        id={props.name}
        name={props.name}
        defaultValue={props.defaultValue ?? ""}
        aria-invalid={!!props.error}
        aria-describedby={[props.hint ? hintId : null, errorId].filter(Boolean).join(" ")}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600"
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <p id={errorId} aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">
        {props.error ?? ""}
      </p>
    </div>
  );
}
