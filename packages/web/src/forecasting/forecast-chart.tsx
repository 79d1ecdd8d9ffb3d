import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from './forecast-option';

// Only the pieces we draw: the full echarts build would triple this chunk.
echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

/**
 * Loaded lazily (ForecastPanel, ProjectionPanel, the IPI history and storage fee charts), so ECharts is
 * fetched only when a chart is drawn.
 */
export default function ForecastChart({
  option,
  label,
  testId = 'forecast-chart',
}: {
  option: ChartOption;
  label: string;
  testId?: string;
}) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.setOption(option, { notMerge: true });
    const observer = new ResizeObserver(() => {
      chart.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);

  return (
    <div
      ref={host}
      role="img"
      aria-label={label}
      style={{ width: '100%', height: 340 }}
      data-testid={testId}
    />
  );
}
