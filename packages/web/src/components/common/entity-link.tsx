import { Anchor, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A link to a page named by a code (SKU, order number): monospace and never machine-translated. */
export function CodeLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} ff="monospace" size="sm" translate="no">
      {children}
    </Anchor>
  );
}

/** A SKU linking to its product page. */
export function SkuLink({ sku }: { sku: string }) {
  return <CodeLink to={`/products/${encodeURIComponent(sku)}`}>{sku}</CodeLink>;
}

/** A SKU linking to its product page, over its title (dimmed, cut to `maw` pixels) when it has one. */
export function SkuWithTitle({ sku, title, maw = 260 }: { sku: string; title: string | null; maw?: number }) {
  return (
    <>
      <SkuLink sku={sku} />
      {title ? (
        <Text size="xs" c="dimmed" truncate maw={maw} translate="no">
          {title}
        </Text>
      ) : null}
    </>
  );
}
