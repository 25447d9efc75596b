/** A banner while the browser reports no network, driven by the `online` / `offline` events. */
import { useSyncExternalStore } from "react";
import "./app-status.css";

function subscribe(onChange: () => void): () => void {
  addEventListener("online", onChange);
  addEventListener("offline", onChange);
  return () => {
    removeEventListener("online", onChange);
    removeEventListener("offline", onChange);
  };
}

/** `navigator.onLine` is only a hint (true on a LAN without internet), but false is reliable. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

export function OfflineBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <p role="status" className="notice info offline-banner">
      Offline: everything still works; runs are saved locally.
    </p>
  );
}
