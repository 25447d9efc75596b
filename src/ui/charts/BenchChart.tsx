import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BenchImplementation, SizeSummary } from "../../core/ml/bench-sweep";

const SERIES: { key: BenchImplementation; label: string; color: string }[] = [
  { key: "cpu", label: "tfjs cpu", color: "#2563eb" },
  { key: "wasm", label: "tfjs wasm", color: "#ea580c" },
  { key: "webgpu", label: "tfjs webgpu", color: "#16a34a" },
  { key: "js", label: "JavaScript", color: "#9333ea" },
];

/** Milliseconds per operation against size for one workload, both axes logarithmic, one line per implementation. */
export function BenchChart({ title, summaries }: { title: string; summaries: SizeSummary[] }) {
  const data = summaries.map((s) => ({ size: s.size, ...s.ms }));
  const present = SERIES.filter((series) => data.some((d) => d[series.key] !== undefined));
  const label = `${title}: milliseconds per operation against size (log axes)`;
  return (
    <figure className="chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="size" type="number" scale="log" domain={["dataMin", "dataMax"]} />
          <YAxis
            scale="log"
            domain={["auto", "auto"]}
            allowDataOverflow
            tickFormatter={(v: number) => v.toPrecision(2)}
          />
          <Tooltip formatter={(v) => (typeof v === "number" ? `${v.toPrecision(3)} ms` : String(v))} />
          <Legend />
          {present.map((series) => (
            <Line
              key={series.key}
              dataKey={series.key}
              name={series.label}
              stroke={series.color}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="muted small">{label}</figcaption>
    </figure>
  );
}
