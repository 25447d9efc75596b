/** The app's frame: top bar with navigation and the backend choice, the routed page, and the footer. */
import { lazy, Suspense, useEffect } from "react";
import type { BackendChoice } from "../../core/backends/backend-choice";
import { BackendSelect } from "../common/BackendSelect";
import { ErrorBoundary } from "../common/ErrorBoundary";
import { OfflineBanner } from "../common/OfflineBanner";
import { useServices } from "../common/services-context";
import { StorageStatus } from "../common/StorageStatus";
import { UpdatePrompt } from "../common/UpdatePrompt";
import { useBuiltinLessonEntry, useLoadedBuiltinLesson } from "../common/use-builtin-lessons";
import { Catalogue } from "../catalogue/Catalogue";
import { loadMonaco } from "../editor/load-monaco";
import type { Route } from "../routes";
import { useBackendChoice } from "./useBackendChoice";
import { useRoute } from "./useRoute";

const loadLessonPage = () => import("../lesson/LessonPage");
const LessonPage = lazy(() => loadLessonPage().then((m) => ({ default: m.LessonPage })));
const OpenLessonPage = lazy(() => import("../open-lesson/OpenLessonPage").then((m) => ({ default: m.OpenLessonPage })));
const BenchmarksPage = lazy(() => import("../bench/BenchmarksPage").then((m) => ({ default: m.BenchmarksPage })));
const RunsPage = lazy(() => import("../runs/RunsPage").then((m) => ({ default: m.RunsPage })));
const RunPage = lazy(() => import("../runs/RunPage").then((m) => ({ default: m.RunPage })));

export function AppShell() {
  const { kernel, environment } = useServices();
  const route = useRoute();
  const [backend, setBackend] = useBackendChoice();
  useEffect(() => {
    if (route.page !== "lesson" && route.page !== "local") return;
    // The lesson page's code loads at once; Monaco (megabytes to compile) and the
    // warm kernel (tfjs, WASM) wait until the page is idle, so the prose and the
    // editable code come first (typing goes to the plain text area meanwhile).
    void loadLessonPage();
    return whenIdle(() => {
      void loadMonaco();
      kernel.warmUp(backend);
    });
  }, [route.page, kernel, backend]);
  return (
    <div className="app">
      <header className="topbar">
        <nav aria-label="Main">
          <a href="#/" className="brand">
            ML Foundations
          </a>
          <a href="#/">Lessons</a>
          <a href="#/runs">Runs</a>
          <a href="#/bench">Benchmarks</a>
          <a href="#/open">Open lesson file</a>
        </nav>
        <BackendSelect value={backend} onChange={setBackend} />
      </header>
      <OfflineBanner />
      <UpdatePrompt />
      <main>
        <ErrorBoundary area={route.page === "lesson" ? "lesson" : "page"} key={JSON.stringify(route)}>
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <Page route={route} backend={backend} />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="muted small">
        Version {environment.appVersion} ({environment.appCommit}) · runs locally in your browser ·{" "}
        {self.crossOriginIsolated ? "cross-origin isolated" : "not cross-origin isolated"}
        <StorageStatus />
      </footer>
    </div>
  );
}

/** Runs `task` when the page is idle (or after 1 s at the latest); returns a cancel function. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback !== "function") {
    const timer = setTimeout(task, 200);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(task, { timeout: 1000 });
  return () => cancelIdleCallback(handle);
}

function Page({ route, backend }: { route: Route; backend: BackendChoice }) {
  const entry = useBuiltinLessonEntry(route.page === "lesson" ? route.lessonId : "");
  const builtin = useLoadedBuiltinLesson(entry);
  if (route.page === "catalogue") return <Catalogue />;
  if (route.page === "runs") return <RunsPage />;
  if (route.page === "run") return <RunPage runId={route.runId} />;
  if (route.page === "bench") return <BenchmarksPage />;
  if (route.page === "open" || route.page === "local")
    return <OpenLessonPage lessonId={route.page === "local" ? route.lessonId : null} backend={backend} />;
  // A new revision (the file was saved under `npm run dev`) remounts the page; drafts are saved first and reloaded.
  if (route.page === "lesson" && entry) {
    if (builtin === null) return <p className="muted">Loading lesson…</p>;
    if (builtin instanceof Error) return <p role="alert">This lesson could not be loaded: {builtin.message}</p>;
    if (builtin.lesson)
      return <LessonPage key={`${route.lessonId}@${builtin.revision}`} lesson={builtin.lesson} backend={backend} />;
  }
  return (
    <section>
      <h1>Not found</h1>
      <p>
        There is no such page. <a href="#/">Back to the lessons</a>
      </p>
    </section>
  );
}
