import { SegmentedControl, Stack, Text } from '@mantine/core';

/** A segmented choice with a visible label above it (the control has no label of its own). */
export function LabelledSegments<T extends string>({
  id,
  label,
  value,
  onChange,
  data,
  testId,
}: {
  id: string;
  label: string;
  value: T;
  onChange: (value: T) => void;
  data: { value: T; label: string; disabled?: boolean }[];
  testId?: string;
}) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby={id}
        value={value}
        onChange={onChange}
        data={data}
        data-testid={testId}
      />
    </Stack>
  );
}
