import { useState } from 'react';

type TextKey<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F];

/**
 * A form's fields in one state. `field(key)` binds a text input to its field: its value, its change handler, and
 * the error `errorOf` gives for it (none by default).
 */
export function useFormFields<F extends object>(
  initial: F,
  errorOf: (key: keyof F) => string | undefined = () => undefined,
) {
  const [values, setValues] = useState<F>(initial);
  const set = <K extends keyof F>(key: K, value: F[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
  };
  const field = <K extends TextKey<F>>(key: K) => ({
    value: values[key],
    onChange: (event: { currentTarget: { value: string } }) => {
      set(key, event.currentTarget.value as F[K]);
    },
    error: errorOf(key),
  });
  const reset = () => {
    setValues(initial);
  };
  return { values, set, field, reset };
}
