/**
 * Server-rendered SVG charts (no script, no inline style — the CSP allows neither): columns, a line and horizontal bars.
 * Labels are text nodes, so Preact escapes them; colours are presentation attributes that print as they show.
 */
import type { ComponentChildren } from 'preact';

const W = 760;
const H = 280;
const PAD = { top: 16, right: 12, bottom: 40, left: 84 };
export const PALETTE = { light: '#9cc3e6', dark: '#1f5f99', line: '#7a3e9d', grid: '#d0d5dd', text: '#344054' };

/** Round tick steps (1, 2, 5 × 10ⁿ) up to the largest value. */
export function niceTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const ticks = [];
  for (let v = 0; v <= max + step * 0.999; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

function Frame(props: { id: string; title: string; desc: string; width?: number; height?: number; children: ComponentChildren }) {
  const height = props.height ?? H;
  return (
    <svg class="chart" viewBox={`0 0 ${props.width ?? W} ${height}`} width="100%" role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`} xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12">
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.desc}</desc>
      {props.children}
    </svg>
  );
}

function Axes(props: { ticks: number[]; format: (v: number) => string; labels: string[]; plotW: number; plotH: number }) {
  const top = props.ticks.at(-1)!;
  const every = Math.max(1, Math.ceil(props.labels.length / 12));
  const slot = props.plotW / Math.max(1, props.labels.length);
  return (
    <g class="axes" fill={PALETTE.text}>
      {props.ticks.map((v) => {
        const y = PAD.top + props.plotH - (v / top) * props.plotH;
        return (
          <g key={v}>
            <line x1={PAD.left} x2={PAD.left + props.plotW} y1={y} y2={y} stroke={PALETTE.grid} stroke-width="1" />
            <text x={PAD.left - 6} y={y + 4} text-anchor="end">
              {props.format(v)}
            </text>
          </g>
        );
      })}
      {props.labels.map((label, i) =>
        i % every === 0 ? (
          <text key={i} x={PAD.left + slot * (i + 0.5)} y={PAD.top + props.plotH + 18} text-anchor="middle">
            {label}
          </text>
        ) : null,
      )}
    </g>
  );
}

export type Series = { name: string; values: number[]; color: string };

/** Side-by-side columns per label, one per series (revenue with and without VAT). */
export function ColumnChart(props: { id: string; title: string; desc: string; labels: string[]; series: Series[]; format: (v: number) => string }) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const ticks = niceTicks(Math.max(0, ...props.series.flatMap((s) => s.values)));
  const top = ticks.at(-1)!;
  const slot = plotW / Math.max(1, props.labels.length);
  const barW = Math.max(1, (slot * 0.8) / props.series.length);
  return (
    <Frame id={props.id} title={props.title} desc={props.desc}>
      <Axes ticks={ticks} format={props.format} labels={props.labels} plotW={plotW} plotH={plotH} />
      {props.series.map((s, k) => (
        <g key={s.name} class="series" fill={s.color}>
          {s.values.map((v, i) => {
            const h = (v / top) * plotH;
            return (
              <rect key={i} x={PAD.left + slot * i + slot * 0.1 + barW * k} y={PAD.top + plotH - h} width={barW} height={h}>
                <title>{`${props.labels[i]}: ${s.name} ${props.format(v)}`}</title>
              </rect>
            );
          })}
        </g>
      ))}
      <Legend series={props.series} y={H - 8} />
    </Frame>
  );
}

/** One series as a line over the labels, with a dot per point. */
export function LineChart(props: { id: string; title: string; desc: string; labels: string[]; series: Series; format: (v: number) => string }) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const ticks = niceTicks(Math.max(0, ...props.series.values));
  const top = ticks.at(-1)!;
  const slot = plotW / Math.max(1, props.labels.length);
  const points = props.series.values.map((v, i) => [PAD.left + slot * (i + 0.5), PAD.top + plotH - (v / top) * plotH] as const);
  const d = points.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`).join(' ');
  return (
    <Frame id={props.id} title={props.title} desc={props.desc}>
      <Axes ticks={ticks} format={props.format} labels={props.labels} plotW={plotW} plotH={plotH} />
      <path class="line" d={d} fill="none" stroke={props.series.color} stroke-width="2.5" stroke-linejoin="round" />
      {points.length <= 62 && (
        <g fill={props.series.color}>
          {points.map(([x, y], i) => (
            <circle key={i} cx={x.toFixed(1)} cy={y.toFixed(1)} r="3">
              <title>{`${props.labels[i]}: ${props.format(props.series.values[i]!)}`}</title>
            </circle>
          ))}
        </g>
      )}
      <Legend series={[props.series]} y={H - 8} />
    </Frame>
  );
}

function Legend(props: { series: Series[]; y: number }) {
  return (
    <g class="legend" fill={PALETTE.text}>
      {props.series.map((s, k) => (
        <g key={s.name}>
          <rect x={PAD.left + k * 200} y={props.y - 10} width="12" height="12" fill={s.color} />
          <text x={PAD.left + k * 200 + 18} y={props.y}>
            {s.name}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Horizontal bars with the label on the left and the value on the right (shares, statuses). */
export function BarList(props: { id: string; title: string; desc: string; rows: { label: string; value: number; text: string }[] }) {
  // Narrower than the column charts: these sit two to a row, and text must stay legible when scaled down.
  const width = 480;
  const rowH = 28;
  const height = Math.max(1, props.rows.length) * rowH + 8;
  const labelW = 180;
  const valueW = 90;
  const plotW = width - labelW - valueW;
  const max = Math.max(1, ...props.rows.map((r) => r.value));
  return (
    <Frame id={props.id} title={props.title} desc={props.desc} width={width} height={height}>
      {props.rows.map((r, i) => {
        const y = 4 + i * rowH;
        return (
          <g key={i} fill={PALETTE.text}>
            <text x={labelW - 8} y={y + 16} text-anchor="end">
              {r.label}
            </text>
            <rect x={labelW} y={y + 3} width={((r.value / max) * plotW).toFixed(1)} height={rowH - 8} fill={PALETTE.dark} />
            <text x={width - 4} y={y + 16} text-anchor="end">
              {r.text}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}
