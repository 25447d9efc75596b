import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { spansDecades } from "../../core/tracking/sweep";

const COLORS = ["#2563eb", "#ea580c", "#16a34a", "#9333ea"];

interface Row {
  values: Record<string, number>;
  metrics?: Record<string, number>;
}

/** Each metric against one swept parameter; log axes where values span decades, so divergence shows. */
export function SweepChart({ rows, parameter, metrics }: { rows: Row[]; parameter: string; metrics: string[] }) {
  const data = rows
    .filter((row) => row.metrics && parameter in row.values)
    .map((row) => ({ [parameter]: row.values[parameter], ...row.metrics }))
    .sort((a, b) => a[parameter] - b[parameter]);
  const xs = data.map((d) => d[parameter]);
  const ys = data.flatMap((d) => metrics.map((m) => d[m])).filter((v) => Number.isFinite(v));
  const logX = spansDecades(xs);
  const logY = spansDecades(ys);
  const label = `${metrics.join(", ")} against ${parameter}${logX ? " (log axis)" : ""}`;
  return (
    <figure className="chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey={parameter} type="number" scale={logX ? "log" : "linear"} domain={["dataMin", "dataMax"]} />
          <YAxis
            scale={logY ? "log" : "linear"}
            domain={["auto", "auto"]}
            allowDataOverflow
            tickFormatter={(v: number) => v.toPrecision(3)}
          />
          <Tooltip formatter={(v) => (typeof v === "number" ? v.toPrecision(6) : String(v))} />
          <Legend />
          {metrics.map((m, i) => (
            <Line key={m} dataKey={m} stroke={COLORS[i % COLORS.length]} isAnimationActive={false} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="muted small">{label}</figcaption>
    </figure>
  );
}
