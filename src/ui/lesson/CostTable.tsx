import type { RunProfile } from "../../core/experiments/run-profile";
import { costRows } from "../../core/experiments/profile-summary";
import type { ResourceEstimates } from "../../core/lesson/types";

/** What the tfjs reference cost, measured, beside the lesson's estimate. */
export function CostTable({
  profile,
  backend,
  estimates,
}: {
  profile: RunProfile;
  backend: string;
  estimates: ResourceEstimates;
}) {
  return (
    <table aria-label="Cost" className="results cost">
      <caption>Cost of the TensorFlow.js run</caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">Measured</th>
          <th scope="col">Lesson estimate</th>
        </tr>
      </thead>
      <tbody>
        {costRows(profile, backend, estimates).map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td>{row.measured}</td>
            <td>{row.estimate ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
