import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

/** A state in a table cell or a header: a light badge whose words stay on one line. */
export function StatusBadge({
  color,
  testId,
  children,
}: {
  color?: string | undefined;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Badge variant="light" color={color} miw="max-content" data-testid={testId}>
      {children}
    </Badge>
  );
}
