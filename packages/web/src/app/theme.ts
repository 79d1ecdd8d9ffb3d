import {
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Mantine's default gray[6] (used for "dimmed" text) is 3.3:1 on white, below WCAG AA for small
 * text; this scale darkens 6 so secondary text stays readable in dense tables.
 */
const gray: MantineColorsTuple = [
  '#f8f9fa',
  '#f1f3f5',
  '#e9ecef',
  '#dee2e6',
  '#ced4da',
  '#adb5bd',
  '#5f6670',
  '#495057',
  '#343a40',
  '#212529',
];

/**
 * Mantine's "light" variant (badges, active nav links) puts shade-9 text on a tinted background,
 * which is under 4.5:1 for teal, yellow and orange. Mixing the text with black keeps the hue and
 * clears WCAG AA for small bold labels.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  return { ...colors, color: `color-mix(in srgb, var(--mantine-color-${parsed.color}-9) 62%, black)` };
};

export const theme = createTheme({
  variantColorResolver,
  primaryColor: 'blue',
  // Shade 8 keeps white button labels above 4.5:1.
  primaryShade: 8,
  autoContrast: true,
  // Sellers who ask their system for less motion get no modal and menu transitions.
  respectReducedMotion: true,
  colors: { gray },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "PingFang TC", "Microsoft YaHei", "Microsoft JhengHei", "Noto Sans CJK SC", "Noto Sans CJK TC", sans-serif',
  defaultRadius: 'sm',
  components: {
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm' } },
  },
});
