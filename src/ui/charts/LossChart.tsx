import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface LossSeries {
  name: string;
  color: string;
  history: { step: number; loss: number }[];
  /** Dashed line; by default only the second series is dashed. */
  dashed?: boolean;
}

/** Keeps at most `max` evenly spaced points (always the last), so long runs stay light to draw. */
function thin(history: { step: number; loss: number }[], max = 300) {
  if (history.length <= max) return history;
  const every = Math.ceil(history.length / max);
  return history.filter((_, i) => i % every === 0 || i === history.length - 1);
}

/** Loss curves of several implementations overlaid on one step axis. */
export function LossChart({ series, label }: { series: LossSeries[]; label: string }) {
  const byStep = new Map<number, Record<string, number>>();
  for (const s of series) {
    for (const point of thin(s.history)) {
      const row = byStep.get(point.step) ?? { step: point.step };
      row[s.name] = point.loss;
      byStep.set(point.step, row);
    }
  }
  const data = [...byStep.values()].sort((a, b) => a.step - b.step);
  return (
    <figure className="chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="step"
            type="number"
            domain={["dataMin", "dataMax"]}
            label={{ value: "step", position: "insideBottomRight", offset: -4 }}
          />
          <YAxis
            scale="log"
            domain={["dataMin", "dataMax"]}
            allowDataOverflow
            tickFormatter={(v: number) => v.toPrecision(3)}
          />
          <Tooltip formatter={(v) => (typeof v === "number" ? v.toPrecision(6) : String(v))} />
          <Legend />
          {series.map((s, index) => (
            <Line
              key={s.name}
              dataKey={s.name}
              stroke={s.color}
              dot={false}
              strokeWidth={2}
              strokeDasharray={(s.dashed ?? index === 1) ? "6 4" : undefined}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="muted small">{label} (log scale)</figcaption>
    </figure>
  );
}
