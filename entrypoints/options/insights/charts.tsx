import type { ComponentChildren } from 'preact';
import type { Table } from '@/lib/intel/tables';

/**
 * Small SVG charts, no chart library: each is role="img" with a label naming
 * what it shows, and the page puts the full figures in a table right after it
 * (DataTable), which is the text equivalent screen readers and CSV use.
 */

export interface Series {
  name: string;
  /** CSS class that sets the fill (insights.css), so light and dark themes apply. */
  className: string;
  values: Array<number | null>;
}

const ROW_GAP = 10;
const BAR = 14;
const LABEL_W = 150;
const WIDTH = 640;
const VALUE_W = 64;

/** A chart's SVG, scaled to the page's width, named as an image whose figures follow in a table. */
function ChartFrame(props: { label: string; height: number; children: ComponentChildren }) {
  return (
    <svg
      class="chart"
      role="img"
      aria-label={`${props.label}. The figures are in the table that follows.`}
      viewBox={`0 0 ${WIDTH} ${props.height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      style={{ maxWidth: `${WIDTH}px` }}
    >
      {props.children}
    </svg>
  );
}

/** Horizontal grouped bars: one group per category, one bar per series. */
export function BarChart(props: {
  label: string;
  categories: string[];
  series: Series[];
  format?: (value: number) => string;
  max?: number;
}) {
  const format = props.format ?? ((v: number) => String(v));
  const all = props.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = props.max ?? Math.max(1, ...all);
  const groupH = props.series.length * BAR + ROW_GAP;
  const legendH = 24;
  const height = legendH + props.categories.length * groupH + 4;
  const plotW = WIDTH - LABEL_W - VALUE_W;
  return (
    <ChartFrame label={props.label} height={height}>
      <Legend series={props.series} />
      {props.categories.map((category, i) => {
        const y0 = legendH + i * groupH;
        return (
          <g key={category}>
            <text class="chart-text" x={LABEL_W - 8} y={y0 + (props.series.length * BAR) / 2 + 4} text-anchor="end">
              {category.length > 22 ? `${category.slice(0, 21)}…` : category}
            </text>
            {props.series.map((s, j) => {
              const value = s.values[i] ?? null;
              const w = value === null ? 0 : Math.max(value > 0 ? 1 : 0, (value / max) * plotW);
              const y = y0 + j * BAR;
              return (
                <g key={s.name}>
                  <rect class={s.className} x={LABEL_W} y={y + 1} width={w} height={BAR - 2} rx="2" />
                  <text class="chart-text chart-value" x={LABEL_W + w + 4} y={y + BAR - 3}>
                    {value === null ? '–' : format(value)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}

function Legend(props: { series: Array<Pick<Series, 'name' | 'className'>> }) {
  let x = LABEL_W;
  return (
    <g>
      {props.series.map((s) => {
        const at = x;
        x += 24 + s.name.length * 7 + 16;
        return (
          <g key={s.name}>
            <rect class={s.className} x={at} y={4} width={14} height={12} rx="2" />
            <text class="chart-text" x={at + 20} y={14}>
              {s.name}
            </text>
          </g>
        );
      })}
    </g>
  );
}

export interface RangeRow {
  label: string;
  className: string;
  p25: number | null;
  median: number | null;
  p75: number | null;
}

/** Median with its interquartile range, one line per row (time figures). */
export function RangeChart(props: { label: string; rows: RangeRow[]; unit: string }) {
  const values = props.rows.flatMap((r) => [r.p75, r.median].filter((v): v is number => v !== null));
  const max = Math.max(1, ...values);
  const rowH = 26;
  const height = props.rows.length * rowH + 20;
  const plotW = WIDTH - LABEL_W - VALUE_W - 40;
  const x = (v: number) => LABEL_W + (v / max) * plotW;
  return (
    <ChartFrame label={props.label} height={height}>
      {props.rows.map((r, i) => {
        const y = i * rowH + 6;
        return (
          <g key={r.label}>
            <text class="chart-text" x={LABEL_W - 8} y={y + 12} text-anchor="end">
              {r.label}
            </text>
            {r.median === null ? (
              <text class="chart-text chart-value" x={LABEL_W} y={y + 12}>
                no data
              </text>
            ) : (
              <>
                <rect
                  class={r.className}
                  x={x(r.p25 ?? r.median)}
                  y={y + 3}
                  width={Math.max(2, x(r.p75 ?? r.median) - x(r.p25 ?? r.median))}
                  height={12}
                  rx="2"
                  opacity="0.55"
                />
                <rect class="chart-median" x={x(r.median) - 1.5} y={y} width={3} height={18} />
                <text class="chart-text chart-value" x={x(r.p75 ?? r.median) + 6} y={y + 13}>
                  {`${r.median.toFixed(1)} ${props.unit}`}
                </text>
              </>
            )}
          </g>
        );
      })}
      <text class="chart-text chart-axis" x={LABEL_W} y={height - 2}>
        0
      </text>
      <text class="chart-text chart-axis" x={LABEL_W + plotW} y={height - 2} text-anchor="end">
        {`${max.toFixed(0)} ${props.unit}`}
      </text>
    </ChartFrame>
  );
}

/** A table of the dashboard (its caption is the table's title). */
export function DataTable(props: { table: Table; empty?: string }) {
  const { table } = props;
  return (
    <div class="table-wrap">
      <table class="data-table" data-table={table.id}>
        <caption>{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length} class="muted">
                {props.empty ?? 'Nothing to show.'}
              </td>
            </tr>
          ) : (
            table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={table.columns[j]} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={table.columns[j]}>{cell}</td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
