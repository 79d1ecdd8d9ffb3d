import { Select } from '@mantine/core';

/**
 * A list filter that starts at "all": `allLabel` (the empty value) comes first, then `options`. `onChange` gets the
 * picked option's value, or undefined for "all".
 */
export function AllOrOneSelect<T extends string>({
  label,
  allLabel,
  options,
  value,
  onChange,
  w,
  translate,
  testId,
}: {
  label: string;
  allLabel: string;
  options: readonly { value: T; label: string }[];
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  w: number;
  /** 'no' when the options are seller codes that must not be machine-translated. */
  translate?: 'no';
  testId: string;
}) {
  return (
    <Select
      label={label}
      data={[{ value: '', label: allLabel }, ...options]}
      value={value ?? ''}
      onChange={(picked) => {
        onChange(options.find((option) => option.value === picked)?.value);
      }}
      allowDeselect={false}
      w={w}
      translate={translate}
      data-testid={testId}
    />
  );
}
