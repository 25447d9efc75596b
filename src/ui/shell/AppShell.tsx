/** The app's frame: top bar with navigation and the backend choice, the routed page, and the footer. */
import { lazy, Suspense, useEffect, useState } from "react";
import type { BackendChoice } from "../../core/backends/backend-choice";
import { BackendSelect } from "../common/BackendSelect";
import { ErrorBoundary } from "../common/ErrorBoundary";
import { OfflineBanner } from "../common/OfflineBanner";
import { useServices } from "../common/services-context";
import { StorageStatus } from "../common/StorageStatus";
import { UpdatePrompt } from "../common/UpdatePrompt";
import { useBuiltinLessonEntry, useLoadedBuiltinLesson } from "../common/use-builtin-lessons";
import { Catalogue } from "../catalogue/Catalogue";
import type { Route } from "../routes";
import { useBackendChoice } from "./useBackendChoice";
import { useRoute } from "./useRoute";

const loadLessonPage = () => import("../lesson/LessonPage");
const OpenLessonPage = lazy(() => import("../open-lesson/OpenLessonPage").then((m) => ({ default: m.OpenLessonPage })));
const BenchmarksPage = lazy(() => import("../bench/BenchmarksPage").then((m) => ({ default: m.BenchmarksPage })));
const RunsPage = lazy(() => import("../runs/RunsPage").then((m) => ({ default: m.RunsPage })));
const RunPage = lazy(() => import("../runs/RunPage").then((m) => ({ default: m.RunPage })));

export function AppShell() {
  const { environment } = useServices();
  const route = useRoute();
  const [backend, setBackend] = useBackendChoice();
  useEffect(() => {
    // A lesson file opened from this browser shows in the lesson page: its code loads beside the
    // open-lesson page's own. (A built-in lesson's route loads it in Page, and main.tsx earlier still.)
    if (route.page === "local") loadLessonPage().catch(() => undefined);
  }, [route.page]);
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

/**
 * The lesson page's module once loaded, an Error if it could not load (offline without it, say),
 * null until then. Not React.lazy: a lazy component suspends at least once, and React then holds
 * the revealed content back for 300 ms after the fallback showed (its Suspense throttle). The page
 * renders when both the module and the lesson are here, in one ordinary update.
 */
function useLessonPageModule(wanted: boolean) {
  const [module, setModule] = useState<Awaited<ReturnType<typeof loadLessonPage>> | Error | null>(null);
  useEffect(() => {
    if (!wanted || (module && !(module instanceof Error))) return;
    let cancelled = false;
    loadLessonPage().then(
      (loaded) => !cancelled && setModule(loaded),
      (error: Error) => !cancelled && setModule(error),
    );
    return () => {
      cancelled = true;
    };
    // An Error is kept until the route changes: retrying at once would fail the same way.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted]);
  return module;
}

function Page({ route, backend }: { route: Route; backend: BackendChoice }) {
  const entry = useBuiltinLessonEntry(route.page === "lesson" ? route.lessonId : "");
  const builtin = useLoadedBuiltinLesson(entry);
  const lessonPage = useLessonPageModule(route.page === "lesson");
  if (route.page === "catalogue") return <Catalogue />;
  if (route.page === "runs") return <RunsPage />;
  if (route.page === "run") return <RunPage runId={route.runId} />;
  if (route.page === "bench") return <BenchmarksPage />;
  if (route.page === "open" || route.page === "local")
    return <OpenLessonPage lessonId={route.page === "local" ? route.lessonId : null} backend={backend} />;
  // A new revision (the file was saved under `npm run dev`) remounts the page; drafts are saved first and reloaded.
  if (route.page === "lesson" && entry) {
    if (builtin instanceof Error) return <p role="alert">This lesson could not be loaded: {builtin.message}</p>;
    if (lessonPage instanceof Error) return <p role="alert">This lesson could not be loaded: {lessonPage.message}</p>;
    if (builtin === null || lessonPage === null) return <p className="muted">Loading lesson…</p>;
    const { LessonPage } = lessonPage;
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
