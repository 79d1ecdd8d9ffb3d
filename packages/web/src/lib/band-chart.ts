/**
 * The pieces the forecast and the stock projection charts share. ECharts has no native band series, so
 * a band is a stacked area holding the *difference* between its low and high edge, on top of an
 * invisible base series holding the lowest edge; both charts draw their uncertainty that way.
 */

/** ECharts option objects are loosely typed JSON; this is the subset we produce. */
export type ChartOption = Record<string, unknown>;

const BAND_COLOR = '25, 113, 194'; // Mantine blue.8 as RGB, so each band can have its own alpha.

/** The invisible series at the bottom of a band stack: it lifts the first band to the lowest edge. */
export function bandBase(stack: string, data: (number | null)[]): ChartOption {
  return {
    name: 'base',
    type: 'line',
    stack,
    symbol: 'none',
    lineStyle: { opacity: 0 },
    silent: true,
    tooltip: { show: false },
    data,
  };
}

/** One band of a stack: `data` holds each day's width (high minus low edge), drawn in blue at `opacity`. */
export function bandArea(
  name: string,
  { stack, opacity, data }: { stack: string; opacity: number; data: (number | null)[] },
): ChartOption & { name: string } {
  return {
    name,
    type: 'line',
    stack,
    symbol: 'none',
    lineStyle: { opacity: 0 },
    areaStyle: { color: `rgba(${BAND_COLOR}, ${opacity})` },
    itemStyle: { color: `rgba(${BAND_COLOR}, ${opacity + 0.2})` },
    emphasis: { disabled: true },
    data,
  };
}

/** A plain line without point symbols, its legend mark in the line's colour. */
export function plainLine(
  name: string,
  { color, width, type, data }: { color: string; width: number; type?: string; data: (number | null)[] },
): ChartOption {
  return {
    name,
    type: 'line',
    symbol: 'none',
    lineStyle: { width, ...(type ? { type } : {}), color },
    itemStyle: { color },
    data,
  };
}

/** A scrolling legend at the top, listing `data` in that order. */
export function topLegend(data: string[]): ChartOption {
  return { top: 0, type: 'scroll', data };
}

/** A daily date axis below and a units axis from zero on the left, both formatted by the page's labels. */
export function dateUnitAxes(
  dates: string[],
  labels: { axisDate: (iso: string) => string; units: (value: number) => string },
): { xAxis: ChartOption; yAxis: ChartOption } {
  return {
    xAxis: {
      type: 'category',
      data: dates,
      boundaryGap: false,
      axisLabel: { formatter: (value: string) => labels.axisDate(value) },
    },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (value: number) => labels.units(value) } },
  };
}

/** Tooltip lines as ECharts' HTML: markup characters from names are dropped, lines joined by breaks. */
export function tooltipHtml(lines: string[]): string {
  return lines.map((line) => line.replace(/[<>&]/g, '')).join('<br/>');
}
