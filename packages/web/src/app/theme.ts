import { createTheme, type MantineColorsTuple } from '@mantine/core';

/**
 * Mantine's default gray[6] (used for "dimmed" text) is 3.3:1 on white, below WCAG AA for small
 * text; this scale darkens 6 so secondary text stays readable in dense tables.
 */
const gray: MantineColorsTuple = ['#f8f9fa', '#f1f3f5', '#e9ecef', '#dee2e6', '#ced4da', '#adb5bd', '#5f6670', '#495057', '#343a40', '#212529'];

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white button labels above 4.5:1.
  primaryShade: 8,
  autoContrast: true,
  colors: { gray },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "PingFang TC", "Microsoft YaHei", "Microsoft JhengHei", "Noto Sans CJK SC", "Noto Sans CJK TC", sans-serif',
  defaultRadius: 'sm',
  components: {
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm' } },
  },
});
