import { useState, type SyntheticEvent } from 'react';

/** The part of a mutation a create dialog drives (TanStack Query's `useMutation` result fits). */
interface CreateMutation<TInput> {
  mutate(input: TInput, options: { onSuccess: () => void }): void;
  reset(): void;
}

/**
 * The close/submit cycle the create dialogs share: field errors show only after the first submit,
 * an invalid form is not sent, success closes the dialog, and closing clears the fields (`clear`),
 * the error flag and the mutation's state.
 */
export function useCreateDialog<TInput>(options: {
  mutation: CreateMutation<TInput>;
  clear: () => void;
  onClose: () => void;
}) {
  const { mutation, clear, onClose } = options;
  const [touched, setTouched] = useState(false);
  const close = () => {
    clear();
    setTouched(false);
    mutation.reset();
    onClose();
  };
  /** A form submit handler: sends `input()` when `valid`, otherwise only reveals the errors. */
  const submitWhen = (valid: boolean, input: () => TInput) => (event: SyntheticEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!valid) return;
    mutation.mutate(input(), { onSuccess: close });
  };
  return { touched, close, submitWhen };
}
