import { Button } from '@mantine/core';

interface RemoveMutation<V> {
  mutate: (variables: V) => void;
  isPending: boolean;
}

/**
 * A small red button that removes one row at once, without a dialog (what it removes is made again as easily; for
 * what cannot be undone use `ConfirmButton`).
 */
export function RemoveButton<V>(props: {
  label: string;
  /** The button's accessible name, naming the row it removes. */
  ariaLabel: string;
  mutation: RemoveMutation<V>;
  /** What the mutation removes (the row's id). */
  variables: V;
}) {
  const { mutation } = props;
  return (
    <Button
      size="compact-sm"
      color="red"
      variant="light"
      loading={mutation.isPending}
      onClick={() => {
        mutation.mutate(props.variables);
      }}
      aria-label={props.ariaLabel}
    >
      {props.label}
    </Button>
  );
}
