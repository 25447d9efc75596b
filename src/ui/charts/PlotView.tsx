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
import type { ImagePlot, LinesPlot, PlotSpec, ScatterPlot } from "../../core/plot/plot-types";
import { HeatmapView } from "./HeatmapView";
import { MAX_SCATTER_POINTS, thin } from "./thin";
import { tick } from "./tick";

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
