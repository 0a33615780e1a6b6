import { useEffect, useRef } from 'react';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartData,
  type ChartOptions,
  type ChartType,
} from 'chart.js';

// Register only what the dashboard draws: keeps Chart.js tree-shaken.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, DoughnutController, ArcElement,
  CategoryScale, LinearScale, Tooltip, Legend, Filler);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#334155';

interface Props<T extends ChartType> {
  type: T;
  data: ChartData<T>;
  options?: ChartOptions<T>;
  /** What the chart shows, for screen readers (the canvas itself is not readable). */
  label: string;
  height?: number;
}

/** A Chart.js chart that updates in place (no re-creation, no animation) when its data changes. */
export function ChartCanvas<T extends ChartType>({ type, data, options, label, height = 220 }: Props<T>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<T> | null>(null);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return; // no canvas (tests)
    chart.current = new Chart(ctx, {
      type,
      data,
      options: { responsive: true, maintainAspectRatio: false, animation: false, ...options },
    } as ChartConfiguration<T>);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [type]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data = data;
    if (options) c.options = { responsive: true, maintainAspectRatio: false, animation: false, ...options } as never;
    c.update('none');
  }, [data, options]);

  return (
    <div className="chart-box" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label}>
        {label}
      </canvas>
    </div>
  );
}

export const PALETTE = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#65a30d', '#dc2626', '#475569', '#ca8a04'];
