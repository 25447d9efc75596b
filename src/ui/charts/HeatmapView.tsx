/** The heatmap plot kind, drawn as plain SVG: a value grid with points and lines over it. */
import type { HeatmapPlot, PointSeries } from "../../core/plot/plot-types";
import { thin } from "./thin";
import { tick } from "./tick";

const WIDTH = 520;
const HEIGHT = 340;
const PAD = { left: 56, right: 16, top: 28, bottom: 44 };
const TICKS = 5;

/** Evenly spaced tick values from lo to hi, both included. */
const ticks = (lo: number, hi: number) => Array.from({ length: TICKS }, (_, k) => lo + ((hi - lo) * k) / (TICKS - 1));

/** Data coordinates -> SVG coordinates of the plot area. */
interface Frame {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  sx(x: number): number;
  sy(y: number): number;
}

/** The frame that holds the grid and every point of `plot`. */
function frameOf(plot: HeatmapPlot): Frame {
  const all = (series: PointSeries[] = []) => series.flatMap((s) => s.points);
  const xs = [...plot.xs, ...all(plot.points).map((p) => p.x)];
  const ys = [...plot.ys, ...all(plot.points).map((p) => p.y)];
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return {
    x0,
    x1,
    y0,
    y1,
    sx: (x) => PAD.left + ((x - x0) / (x1 - x0 || 1)) * (WIDTH - PAD.left - PAD.right),
    sy: (y) => HEIGHT - PAD.bottom - ((y - y0) / (y1 - y0 || 1)) * (HEIGHT - PAD.top - PAD.bottom),
  };
}

/** Grid cells coloured from dark blue (low) to yellow (high), with points and lines in data coordinates. */
export function HeatmapView({ plot }: { plot: HeatmapPlot }) {
  const frame = frameOf(plot);
  const values = plot.values.flat().filter(Number.isFinite);
  const [v0, v1] = [Math.min(...values), Math.max(...values)];
  const pointSeries = plot.points ?? [];
  const lineSeries = plot.lines ?? [];
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="heatmap" role="img" aria-label={plot.title}>
      <HeatmapCells plot={plot} frame={frame} low={v0} high={v1} />
      {lineSeries.map((s, i) => (
        <polyline
          key={`l${i}`}
          points={thin(s.points)
            .map((p) => `${frame.sx(p.x)},${frame.sy(p.y)}`)
            .join(" ")}
          fill="none"
          stroke={LINE_COLORS[i % LINE_COLORS.length]}
          strokeWidth={2.5}
        />
      ))}
      {pointSeries.map((s, i) =>
        s.points.map((p, k) => (
          <circle
            key={`p${i}-${k}`}
            cx={frame.sx(p.x)}
            cy={frame.sy(p.y)}
            r={3.2}
            fill={POINT_COLORS[i % POINT_COLORS.length]}
            stroke="#1f2937"
            strokeWidth={0.8}
          />
        )),
      )}
      <HeatmapAxes frame={frame} xLabel={plot.xLabel} yLabel={plot.yLabel} />
      {plot.classes ? (
        <ClassLegend classes={plot.classes} />
      ) : (
        <HeatmapLegend low={v0} high={v1} points={pointSeries} lines={lineSeries} />
      )}
    </svg>
  );
}

/** One rectangle per grid value, centred on its (x, y), coloured by where it lies in [low, high]. */
function HeatmapCells({ plot, frame, low, high }: { plot: HeatmapPlot; frame: Frame; low: number; high: number }) {
  const cellW = (WIDTH - PAD.left - PAD.right) / Math.max(plot.xs.length, 1) + 0.5;
  const cellH = (HEIGHT - PAD.top - PAD.bottom) / Math.max(plot.ys.length, 1) + 0.5;
  return plot.values.map((row, j) =>
    row.map((v, i) => (
      <rect
        key={`${i}-${j}`}
        x={frame.sx(plot.xs[i]) - cellW / 2}
        y={frame.sy(plot.ys[j]) - cellH / 2}
        width={cellW}
        height={cellH}
        fill={plot.classes ? classColor(v) : heat((v - low) / (high - low || 1))}
      />
    )),
  );
}

/** The plot area's border, tick labels and axis labels. */
function HeatmapAxes({ frame, xLabel, yLabel }: { frame: Frame; xLabel?: string; yLabel?: string }) {
  const { x0, x1, y0, y1, sx, sy } = frame;
  return (
    <>
      <rect
        x={PAD.left}
        y={PAD.top}
        width={WIDTH - PAD.left - PAD.right}
        height={HEIGHT - PAD.top - PAD.bottom}
        fill="none"
        stroke="#64748b"
      />
      {ticks(x0, x1).map((x) => (
        <text key={`x${x}`} x={sx(x)} y={HEIGHT - PAD.bottom + 14} fontSize={10} textAnchor="middle">
          {tick(x)}
        </text>
      ))}
      {ticks(y0, y1).map((y) => (
        <text key={`y${y}`} x={PAD.left - 4} y={sy(y) + 3} fontSize={10} textAnchor="end">
          {tick(y)}
        </text>
      ))}
      <text x={(PAD.left + WIDTH - PAD.right) / 2} y={HEIGHT - 8} fontSize={11} textAnchor="middle">
        {xLabel ?? ""}
      </text>
      <text
        x={12}
        y={(PAD.top + HEIGHT - PAD.bottom) / 2}
        fontSize={11}
        textAnchor="middle"
        transform={`rotate(-90 12 ${(PAD.top + HEIGHT - PAD.bottom) / 2})`}
      >
        {yLabel ?? ""}
      </text>
    </>
  );
}

// Drawn over the viridis-like scale, so chosen for contrast with it rather than from COLORS.
const LINE_COLORS = ["#f8fafc", "#dc2626", "#f97316", "#e879f9"];
const POINT_COLORS = ["#f97316", "#f1f5f9", "#dc2626", "#22d3ee", "#e879f9"];

/** Colour scale (low .. high) and the names of the points and lines, along the top edge. */
function HeatmapLegend({
  low,
  high,
  points,
  lines,
}: {
  low: number;
  high: number;
  points: PointSeries[];
  lines: PointSeries[];
}) {
  let x = PAD.left + 150;
  const entries = [
    ...points.map((s, i) => ({ name: s.name, fill: POINT_COLORS[i % POINT_COLORS.length], line: false })),
    ...lines.map((s, i) => ({ name: s.name, fill: LINE_COLORS[i % LINE_COLORS.length], line: true })),
  ];
  return (
    <g fontSize={10}>
      {Array.from({ length: 20 }, (_, k) => (
        <rect key={k} x={PAD.left + 30 + k * 4} y={8} width={4} height={10} fill={heat(k / 19)} />
      ))}
      <text x={PAD.left + 26} y={17} textAnchor="end">
        {tick(low)}
      </text>
      <text x={PAD.left + 114} y={17}>
        {tick(high)}
      </text>
      {entries.map((entry) => {
        const at = x;
        x += 18 + entry.name.length * 5.5;
        return (
          <g key={`${entry.line}-${entry.name}`}>
            {entry.line ? (
              <line
                x1={at}
                x2={at + 10}
                y1={13}
                y2={13}
                stroke={entry.fill === "#f8fafc" ? "#94a3b8" : entry.fill}
                strokeWidth={2.5}
              />
            ) : (
              <circle cx={at + 5} cy={13} r={4} fill={entry.fill} stroke="#1f2937" strokeWidth={0.8} />
            )}
            <text x={at + 14} y={17}>
              {entry.name}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** A perceptual dark-blue -> teal -> yellow scale (close to viridis), t in [0, 1]. */
function heat(t: number): string {
  const stops = [
    [68, 1, 84],
    [59, 82, 139],
    [33, 145, 140],
    [94, 201, 98],
    [253, 231, 37],
  ];
  const clamp = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const k = Math.min(Math.floor(clamp), stops.length - 2);
  const f = clamp - k;
  const mix = stops[k].map((a, c) => Math.round(a + (stops[k + 1][c] - a) * f));
  return `rgb(${mix.join(",")})`;
}

/** Pale class colours, so points drawn over the regions stay visible. */
const CLASS_COLORS = ["#bfdbfe", "#fecaca", "#bbf7d0", "#fde68a", "#ddd6fe", "#fbcfe8", "#a5f3fc", "#e5e7eb"];

function classColor(index: number): string {
  return CLASS_COLORS[Math.abs(Math.trunc(index)) % CLASS_COLORS.length];
}

/** One swatch and name per class, along the top edge (a discrete legend). */
function ClassLegend({ classes }: { classes: string[] }) {
  let x = PAD.left;
  return (
    <g fontSize={10} role="list" aria-label="Classes">
      {classes.map((name, i) => {
        const at = x;
        x += 22 + name.length * 5.5;
        return (
          <g key={i} role="listitem" aria-label={name}>
            <rect x={at} y={8} width={10} height={10} fill={classColor(i)} stroke="#64748b" strokeWidth={0.6} />
            <text x={at + 14} y={17}>
              {name}
            </text>
          </g>
        );
      })}
    </g>
  );
}
