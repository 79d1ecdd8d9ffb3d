import { Text, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * Seller data (SKUs, product titles, brands, codes) is not UI copy: it stays in whatever language
 * the seller wrote it. translate="no" says so to browsers' translators, and the language tests use
 * the same marker to tell data from untranslated UI text.
 */
export function DataText({ children, ...props }: TextProps & { children: ReactNode }) {
  return (
    <Text span translate="no" {...props}>
      {children}
    </Text>
  );
}
