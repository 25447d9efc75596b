import { BACKEND_CHOICES, type BackendChoice } from "../../core/backends/backend-choice";

const LABELS: Record<BackendChoice, string> = { auto: "Auto", webgpu: "WebGPU", wasm: "WASM", cpu: "CPU" };

/** The `Backend` combobox: which tfjs backend experiments use. */
export function BackendSelect({ value, onChange }: { value: BackendChoice; onChange(value: BackendChoice): void }) {
  return (
    <label className="backend-select">
      Backend{" "}
      <select aria-label="Backend" value={value} onChange={(event) => onChange(event.target.value as BackendChoice)}>
        {BACKEND_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {LABELS[choice]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function parseBackendChoice(value: string | null): BackendChoice | null {
  return BACKEND_CHOICES.find((choice) => choice === value?.toLowerCase()) ?? null;
}
