import { Group, Select } from '@mantine/core';

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

/** A filter field of `F` that is either one value or "all" (left out). */
type OptionalKey<F> = { [K in keyof F]-?: undefined extends F[K] ? K : never }[keyof F];

/** One of a list's "all or one" filters: the field it sets, and its select's label, choices, width and test id. */
export interface AllOrOneField<F, K extends OptionalKey<F> = OptionalKey<F>> {
  key: K;
  label: string;
  options: readonly { value: NonNullable<F[K]> & string; label: string }[];
  w: number;
  translate?: 'no';
  testId: string;
}

function FieldSelect<F, K extends OptionalKey<F>>({
  field,
  allLabel,
  filter,
  onChange,
}: {
  field: AllOrOneField<F, K>;
  allLabel: string;
  filter: F;
  onChange: (change: Partial<F>) => void;
}) {
  const { key, ...select } = field;
  const current = field.options.find((option) => option.value === filter[key])?.value;
  return (
    <AllOrOneSelect
      {...select}
      allLabel={allLabel}
      value={current}
      onChange={(value) => {
        const change: Partial<F> = {};
        change[key] = value;
        onChange(change);
      }}
    />
  );
}

/** A list's "all or one" filters side by side; each pick changes only its own field. */
export function AllOrOneFilters<F>({
  fields,
  allLabel,
  filter,
  onChange,
}: {
  fields: readonly { [K in OptionalKey<F>]: AllOrOneField<F, K> }[OptionalKey<F>][];
  allLabel: string;
  filter: F;
  onChange: (change: Partial<F>) => void;
}) {
  return (
    <Group gap="sm" align="flex-end">
      {fields.map((field) => (
        <FieldSelect
          key={String(field.key)}
          field={field}
          allLabel={allLabel}
          filter={filter}
          onChange={onChange}
        />
      ))}
    </Group>
  );
}
