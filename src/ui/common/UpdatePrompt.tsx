/// <reference types="vite-plugin-pwa/react" />
/**
 * Registers the service worker (vite.config.ts, registerType "prompt") and,
 * when a new version has been downloaded, asks before switching to it: a new
 * build never replaces the code of a page mid-exercise. Drafts, progress and
 * runs live in IndexedDB, so they survive the reload.
 */
import { useState } from "react";
import { useRegisterSW } from "virtual:pwa-register/react";
import "./app-status.css";

/** Browsers look for a new service worker on navigation; a learner may keep one page open for days. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** Asks the server for a newer sw.js, now and then, and whenever the network comes back. */
function checkForUpdates(registration: ServiceWorkerRegistration): void {
  const check = () => {
    if (navigator.onLine) registration.update().catch(() => undefined);
  };
  setInterval(check, UPDATE_CHECK_MS);
  addEventListener("online", check);
}

export function UpdatePrompt() {
  // "Later" holds for the version that is waiting now. The register helper may announce one new
  // version twice (as installed, then as waiting, 200 ms apart), so its flag alone would bring the
  // prompt back right after the learner dismissed it; only a newer build (updatefound) asks again.
  const [dismissed, setDismissed] = useState(false);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      checkForUpdates(registration);
      registration.addEventListener("updatefound", () => setDismissed(false));
    },
    onRegisterError: (error: unknown) =>
      console.warn("Service worker registration failed; the app will not work offline.", error),
  });
  if (!needRefresh || dismissed) return null;
  return (
    <div role="alert" className="update-prompt">
      <p>A new version of this app is available. Your drafts and runs are kept.</p>
      <button type="button" className="primary" onClick={() => void updateServiceWorker()}>
        Reload to update
      </button>
      <button
        type="button"
        onClick={() => {
          setDismissed(true);
          setNeedRefresh(false);
        }}
      >
        Later
      </button>
    </div>
  );
}
