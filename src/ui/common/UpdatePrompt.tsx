/// <reference types="vite-plugin-pwa/react" />
/**
 * Registers the service worker (vite.config.ts, registerType "prompt") and,
 * when a new version has been downloaded, asks before switching to it: a new
 * build never replaces the code of a page mid-exercise. Drafts, progress and
 * runs live in IndexedDB, so they survive the reload.
 */
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
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW: (_url, registration) => registration && checkForUpdates(registration),
    onRegisterError: (error: unknown) =>
      console.warn("Service worker registration failed; the app will not work offline.", error),
  });
  if (!needRefresh) return null;
  return (
    <div role="alert" className="update-prompt">
      <p>A new version of this app is available. Your drafts and runs are kept.</p>
      <button type="button" className="primary" onClick={() => void updateServiceWorker()}>
        Reload to update
      </button>
      <button type="button" onClick={() => setNeedRefresh(false)}>
        Later
      </button>
    </div>
  );
}
