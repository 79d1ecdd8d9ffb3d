import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One headline figure in a bordered card: a dimmed label over a large value (or the lines given). */
export function FigureCard({ label, value, testId }: { label: string; value: ReactNode; testId: string }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {typeof value === 'string' ? (
        <Text fz="xl" fw={700}>
          {value}
        </Text>
      ) : (
        value
      )}
    </Paper>
  );
}
