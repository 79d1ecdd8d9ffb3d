import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, type CellColumn } from '../src/components/common/data-table';

interface Bill {
  number: string;
  supplier: string;
  amount: number;
}

const BILLS: Bill[] = [
  { number: 'PO-1', supplier: 'Acme', amount: 12 },
  { number: 'PO-2', supplier: 'Zenith', amount: 7.5 },
];

const COLUMNS: CellColumn<Bill>[] = [
  { label: 'Order', text: 'code', cell: (b) => b.number },
  { label: 'Supplier', text: 'verbatim', cell: (b) => b.supplier },
  { label: 'Amount', numeric: true, cell: (b) => b.amount.toFixed(2) },
];

interface Cell {
  tag: string;
  attrs: string;
  text: string;
}
interface Row {
  attrs: string;
  cells: Cell[];
}

/** The rows of one part of the rendered table (`thead`, `tbody`), each with its cells' tags, attributes and text. */
function rowsOf(html: string, part: 'thead' | 'tbody'): Row[] {
  const body = new RegExp(`<${part}[^>]*>(.*?)</${part}>`, 's').exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr([^>]*)>(.*?)<\/tr>/gs)].map(([, attrs = '', cells = '']) => ({
    attrs,
    cells: [...cells.matchAll(/<(th|td)([^>]*)>(.*?)<\/\1>/gs)].map(
      ([, tag = '', cellAttrs = '', text = '']) => ({
        tag,
        attrs: cellAttrs,
        text: text.replace(/<[^>]*>/g, ''),
      }),
    ),
  }));
}

function render(items: readonly Bill[]): string {
  const table = createElement(DataTable<Bill>, {
    testId: 'bills',
    minWidth: 400,
    items,
    columns: COLUMNS,
    rowKey: (b) => b.number,
    rowData: (b) => ({ 'data-bill': b.number }),
  });
  return renderToStaticMarkup(createElement(MantineProvider, null, table));
}

describe('DataTable with cell columns', () => {
  it('draws a header cell and, in every row, a body cell per column, in the same order', () => {
    const html = render(BILLS);
    expect(rowsOf(html, 'thead').map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Order', 'Supplier', 'Amount'],
    ]);
    const rows = rowsOf(html, 'tbody');
    expect(rows.map((r) => r.cells.map((c) => `${c.tag}:${c.text}`))).toEqual([
      ['td:PO-1', 'td:Acme', 'td:12.00'],
      ['td:PO-2', 'td:Zenith', 'td:7.50'],
    ]);
    expect(rows.map((r) => /data-bill="([^"]*)"/.exec(r.attrs)?.[1])).toEqual(['PO-1', 'PO-2']);
  });

  it("keeps the seller's codes and names from translation and aligns numbers in header and body alike", () => {
    const html = render(BILLS.slice(0, 1));
    const [code, name, amount] = rowsOf(html, 'tbody')[0]?.cells ?? [];
    expect(code?.attrs).toContain('translate="no"');
    expect(code?.attrs).toContain('monospace');
    expect(name?.attrs).toContain('translate="no"');
    expect(amount?.attrs).not.toContain('translate=');
    expect(amount?.attrs).toMatch(/class="[^"]*\bnum\b/);
    expect(rowsOf(html, 'thead')[0]?.cells[2]?.attrs).toMatch(/class="[^"]*\bnum\b/);
  });

  it('draws no body row for no items, the header still', () => {
    const html = render([]);
    expect(rowsOf(html, 'tbody')).toHaveLength(0);
    expect(rowsOf(html, 'thead')[0]?.cells).toHaveLength(3);
  });
});
