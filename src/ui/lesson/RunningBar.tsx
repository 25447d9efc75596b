import { useEffect, useState } from "react";
import type { RunningTask } from "../../core/session/types";

/** "Running… 1.2 s of 5 s" with the Stop button; ticks so the learner sees the page is alive. */
export function RunningBar({ running, onStop }: { running: RunningTask; onStop(): void }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, []);
  const elapsed = Math.max(0, now - running.startedAt) / 1000;
  return (
    <div className="running-bar">
      <span aria-live="off">
        Running… {elapsed.toFixed(1)} s of {running.limitMs / 1000} s
      </span>
      <button type="button" className="danger" onClick={onStop}>
        Stop
      </button>
    </div>
  );
}
