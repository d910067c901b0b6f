import { useState } from "react";

/**
 * A key that changes with every new action result. React resets a form after its action runs,
 * and a reset <select> falls back to its first option instead of its defaultValue, so forms with
 * selects are remounted on each result (keyed by this) to show what the result says.
 */
export function useFormKey(state: unknown): number {
  const [seen, setSeen] = useState(state);
  const [key, setKey] = useState(0);
  if (state !== seen) {
    setSeen(state);
    setKey(key + 1);
  }
  return key;
}
