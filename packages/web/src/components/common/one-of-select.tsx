import { Select } from '@mantine/core';

/** A select that always holds one of its options: it cannot be cleared, and `onChange` only gets an option's value. */
export function OneOfSelect<T extends string>({
  label,
  data,
  value,
  onChange,
  w,
  testId,
}: {
  label: string;
  data: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  w?: number;
  testId: string;
}) {
  return (
    <Select
      label={label}
      data={data}
      value={value}
      onChange={(picked) => {
        const option = data.find((o) => o.value === picked);
        if (option) onChange(option.value);
      }}
      allowDeselect={false}
      w={w}
      data-testid={testId}
    />
  );
}
