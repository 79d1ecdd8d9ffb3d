import { Anchor, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type SyntheticEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Product } from '../../api/types';
import { ErrorAlert } from '../../components/common/error-alert';
import { IconBarcode } from '../../components/common/icons';
import { PageHeader } from '../../components/common/page-header';
import { CameraScanner } from '../../components/scanner/camera-scanner';
import { lookupProduct } from '../products.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { signal } from '../../lib/scan-feedback';

/**
 * Barcode lookup. A USB/Bluetooth scanner in keyboard-wedge mode "types" the code and presses
 * Enter, so a focused text field with a submit handler is all a scanner needs; the field keeps
 * focus and selects its text after each scan so the next scan replaces it.
 */
/** Survives leaving the page (each scan navigates away), but not a reload. */
let recentScans: Product[] = [];

export default function LookupPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [recent, setRecent] = useState<Product[]>(() => recentScans);
  const lastSource = useRef<'field' | 'camera'>('field');
  const lookup = useMutation({
    mutationFn: (value: string) => lookupProduct(value),
    onSuccess: (product) => {
      signal(true);
      recentScans = [product, ...recentScans.filter((p) => p.sku !== product.sku)].slice(0, 8);
      setRecent(recentScans);
      void navigate(`/products/${encodeURIComponent(product.sku)}`);
    },
    onError: () => {
      signal(false);
      // Ready for the next scanner scan; after a camera scan, focusing the field would pop up a phone's keyboard.
      if (lastSource.current === 'field') input.current?.select();
    },
  });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const value = code.trim();
    lastSource.current = 'field';
    if (value) lookup.mutate(value);
  };
  // The camera takes the same path as a scanner's Enter: the code shows in the field, then the lookup.
  const onCameraScan = (value: string) => {
    setCode(value);
    lastSource.current = 'camera';
    if (!lookup.isPending) lookup.mutate(value);
  };

  return (
    <Stack gap="md" maw={720}>
      <PageHeader title={t('lookup.title')} description={t('lookup.subtitle')} />
      <Paper withBorder radius="md" p="md">
        <form onSubmit={submit} role="search" aria-label={t('lookup.title')}>
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              ref={input}
              label={t('lookup.label')}
              description={t('lookup.hint')}
              placeholder="0857841300017"
              leftSection={<IconBarcode size={16} />}
              value={code}
              onChange={(event) => {
                setCode(event.currentTarget.value);
              }}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              inputMode="text"
              style={{ flex: 1 }}
              data-testid="lookup-input"
            />
            <Button type="submit" loading={lookup.isPending} data-testid="lookup-submit">
              {t('lookup.submit')}
            </Button>
          </Group>
        </form>
        <Stack mt="sm">
          <CameraScanner onScan={onCameraScan} />
        </Stack>
        {lookup.isError ? (
          <Stack mt="sm">
            <ErrorAlert error={lookup.error} title={t('lookup.notFoundTitle')} />
          </Stack>
        ) : null}
      </Paper>
      {recent.length > 0 ? (
        <Paper withBorder radius="md" p="md">
          <Text fw={600} mb="xs">
            {t('lookup.recent')}
          </Text>
          <Table>
            <Table.Tbody>
              {recent.map((p) => (
                <Table.Tr key={p.sku}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/products/${encodeURIComponent(p.sku)}`}
                      ff="monospace"
                      translate="no"
                    >
                      {p.sku}
                    </Anchor>
                  </Table.Td>
                  <Table.Td translate="no">{p.title}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
    </Stack>
  );
}
