import { useEffect, useRef } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import type {
  HeatmapPlot,
  ImagePlot,
  LinesPlot,
  PlotSpec,
  PointSeries,
  ScatterPlot,
} from "../../core/kernel/plot-types";

const COLORS = [
  "#2563eb",
  "#ea580c",
  "#16a34a",
  "#9333ea",
  "#dc2626",
  "#0891b2",
  "#ca8a04",
  "#db2777",
  "#4b5563",
  "#65a30d",
];
const color = (index: number) => COLORS[index % COLORS.length];
const tick = (value: number) =>
  Math.abs(value) >= 1e4 || (value !== 0 && Math.abs(value) < 1e-2)
    ? value.toExponential(1)
    : String(Number(value.toPrecision(3)));

/**
 * Most points drawn per curve and per scatter series: recharts takes about
 * 0.1 ms a point, and a plot must not stall the page. A longer series is
 * drawn from an even sample of its points.
 */
const MAX_CURVE_POINTS = 500;
const MAX_SCATTER_POINTS = 1_000;

/** Every k-th point of a long series (first and last kept): the same shape at screen resolution. */
function thin(points: PointSeries["points"], max = MAX_CURVE_POINTS): PointSeries["points"] {
  if (points.length <= max) return points;
  const step = Math.ceil(points.length / max);
  const kept = points.filter((_, i) => i % step === 0);
  if (kept[kept.length - 1] !== points[points.length - 1]) kept.push(points[points.length - 1]);
  return kept;
}

/** Draws one plot spec from learner code or an experiment. */
export function PlotView({ plot }: { plot: PlotSpec }) {
  return (
    <figure className="chart" aria-label={plot.title}>
      <figcaption className="chart-title">{plot.title}</figcaption>
      {plot.kind === "lines" && <LinesView plot={plot} />}
      {plot.kind === "scatter" && <ScatterView plot={plot} />}
      {plot.kind === "heatmap" && <HeatmapView plot={plot} />}
      {plot.kind === "image" && <ImageView plot={plot} />}
    </figure>
  );
}

function LinesView({ plot }: { plot: LinesPlot }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="x"
          type="number"
          domain={["dataMin", "dataMax"]}
          tickFormatter={tick}
          label={axisLabel(plot.xLabel, "x")}
          allowDuplicatedCategory={false}
        />
        <YAxis
          type="number"
          scale={plot.logY ? "log" : "auto"}
          domain={plot.logY ? ["dataMin", "dataMax"] : ["auto", "auto"]}
          allowDataOverflow
          tickFormatter={tick}
          label={axisLabel(plot.yLabel, "y")}
        />
        <Tooltip formatter={(v) => (typeof v === "number" ? v.toPrecision(5) : String(v))} />
        <Legend />
        {plot.series.map((s, i) => (
          <Line
            key={s.name}
            data={thin(s.points)}
            dataKey="y"
            name={s.name}
            stroke={color(i)}
            dot={s.points.length < 40}
            strokeWidth={2}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

function ScatterView({ plot }: { plot: ScatterPlot }) {
  const lineOffset = plot.series.length;
  return (
    <ResponsiveContainer width="100%" height={300}>
      <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="x"
          type="number"
          domain={["auto", "auto"]}
          tickFormatter={tick}
          label={axisLabel(plot.xLabel, "x")}
        />
        <YAxis
          dataKey="y"
          type="number"
          domain={["auto", "auto"]}
          tickFormatter={tick}
          label={axisLabel(plot.yLabel, "y")}
        />
        <ZAxis range={[24, 24]} />
        <Tooltip cursor={{ strokeDasharray: "3 3" }} />
        <Legend />
        {plot.series.map((s, i) => (
          <Scatter
            key={`s-${s.name}`}
            name={s.name}
            data={thin(s.points, MAX_SCATTER_POINTS)}
            fill={color(i)}
            isAnimationActive={false}
          />
        ))}
        {(plot.lines ?? []).map((s, i) => (
          <Scatter
            key={`l-${s.name}`}
            name={s.name}
            data={thin(s.points)}
            fill={color(lineOffset + i)}
            legendType="line"
            line={{ stroke: color(lineOffset + i), strokeWidth: 2 }}
            shape={() => <g />}
            isAnimationActive={false}
          />
        ))}
      </ScatterChart>
    </ResponsiveContainer>
  );
}

function axisLabel(text: string | undefined, axis: "x" | "y") {
  if (!text) return undefined;
  return axis === "x"
    ? { value: text, position: "insideBottom" as const, offset: -8 }
    : { value: text, angle: -90, position: "insideLeft" as const };
}

const WIDTH = 520;
const HEIGHT = 340;
const PAD = { left: 56, right: 16, top: 28, bottom: 44 };
const TICKS = 5;

/** Evenly spaced tick values from lo to hi, both included. */
const ticks = (lo: number, hi: number) => Array.from({ length: TICKS }, (_, k) => lo + ((hi - lo) * k) / (TICKS - 1));

/** Grid cells coloured from dark blue (low) to yellow (high), with points and lines in data coordinates. */
function HeatmapView({ plot }: { plot: HeatmapPlot }) {
  const all = (series: PointSeries[] = []) => series.flatMap((s) => s.points);
  const xs = [...plot.xs, ...all(plot.points).map((p) => p.x)];
  const ys = [...plot.ys, ...all(plot.points).map((p) => p.y)];
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (x: number) => PAD.left + ((x - x0) / (x1 - x0 || 1)) * (WIDTH - PAD.left - PAD.right);
  const sy = (y: number) => HEIGHT - PAD.bottom - ((y - y0) / (y1 - y0 || 1)) * (HEIGHT - PAD.top - PAD.bottom);
  const values = plot.values.flat().filter(Number.isFinite);
  const [v0, v1] = [Math.min(...values), Math.max(...values)];
  const cellW = (WIDTH - PAD.left - PAD.right) / Math.max(plot.xs.length, 1) + 0.5;
  const cellH = (HEIGHT - PAD.top - PAD.bottom) / Math.max(plot.ys.length, 1) + 0.5;
  const pointSeries = plot.points ?? [];
  const lineSeries = plot.lines ?? [];
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="heatmap" role="img" aria-label={plot.title}>
      {plot.values.map((row, j) =>
        row.map((v, i) => (
          <rect
            key={`${i}-${j}`}
            x={sx(plot.xs[i]) - cellW / 2}
            y={sy(plot.ys[j]) - cellH / 2}
            width={cellW}
            height={cellH}
            fill={heat((v - v0) / (v1 - v0 || 1))}
          />
        )),
      )}
      {lineSeries.map((s, i) => (
        <polyline
          key={`l${i}`}
          points={thin(s.points)
            .map((p) => `${sx(p.x)},${sy(p.y)}`)
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
            cx={sx(p.x)}
            cy={sy(p.y)}
            r={3.2}
            fill={POINT_COLORS[i % POINT_COLORS.length]}
            stroke="#1f2937"
            strokeWidth={0.8}
          />
        )),
      )}
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
        {plot.xLabel ?? ""}
      </text>
      <text
        x={12}
        y={(PAD.top + HEIGHT - PAD.bottom) / 2}
        fontSize={11}
        textAnchor="middle"
        transform={`rotate(-90 12 ${(PAD.top + HEIGHT - PAD.bottom) / 2})`}
      >
        {plot.yLabel ?? ""}
      </text>
      <HeatmapLegend low={v0} high={v1} points={pointSeries} lines={lineSeries} />
    </svg>
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

function ImageView({ plot }: { plot: ImagePlot }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext("2d");
    if (!context) return;
    const image = context.createImageData(plot.width, plot.height);
    for (let p = 0; p < plot.width * plot.height; p++) {
      for (let c = 0; c < 3; c++)
        image.data[4 * p + c] = Math.round(255 * Math.min(1, Math.max(0, plot.rgb[3 * p + c])));
      image.data[4 * p + 3] = 255;
    }
    context.putImageData(image, 0, 0);
  }, [plot]);
  const scale = Math.max(1, Math.floor(240 / Math.max(plot.width, plot.height)));
  return (
    <canvas
      ref={canvas}
      width={plot.width}
      height={plot.height}
      style={{ width: plot.width * scale, height: plot.height * scale, imageRendering: "pixelated" }}
      role="img"
      aria-label={plot.title}
    />
  );
}
