import { lazy, Suspense, useEffect, useState } from "react";
import type { BackendChoice } from "../core/backends/backend-choice";
import { SETTINGS_SCHEMA_VERSION } from "../core/tracking/types";
import { BackendSelect, parseBackendChoice } from "../ui/common/BackendSelect";
import { ErrorBoundary } from "../ui/common/ErrorBoundary";
import { OfflineBanner } from "../ui/common/OfflineBanner";
import { StorageStatus } from "../ui/common/StorageStatus";
import { UpdatePrompt } from "../ui/common/UpdatePrompt";
import { Catalogue } from "../ui/catalogue/Catalogue";
import { APP_COMMIT, APP_VERSION } from "./environment";
import { parseRoute, type Route } from "./routes";
import { getRepos, kernel } from "./services";
import { useBuiltinLesson } from "./use-builtin-lessons";

const LessonPage = lazy(() => import("../ui/lesson/LessonPage").then((m) => ({ default: m.LessonPage })));
const OpenLessonPage = lazy(() =>
  import("../ui/open-lesson/OpenLessonPage").then((m) => ({ default: m.OpenLessonPage })),
);
const BenchmarksPage = lazy(() => import("../ui/bench/BenchmarksPage").then((m) => ({ default: m.BenchmarksPage })));
const RunsPage = lazy(() => import("../ui/runs/RunsPage").then((m) => ({ default: m.RunsPage })));

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", onChange);
    return () => removeEventListener("hashchange", onChange);
  }, []);
  return route;
}

/** `?backend=` in the URL wins over the saved setting. */
function useBackendChoice(): [BackendChoice, (choice: BackendChoice) => void] {
  const fromUrl = parseBackendChoice(new URLSearchParams(location.search).get("backend"));
  const [backend, setBackend] = useState<BackendChoice>(fromUrl ?? "auto");
  useEffect(() => {
    if (fromUrl) return;
    getRepos()
      .then((repos) => repos.settings.get())
      .then(({ settings }) => setBackend(settings.backend))
      .catch(() => undefined);
  }, [fromUrl]);
  const choose = (choice: BackendChoice) => {
    setBackend(choice);
    getRepos()
      .then((repos) => repos.settings.put({ schemaVersion: SETTINGS_SCHEMA_VERSION, key: "settings", backend: choice }))
      .catch(() => undefined);
  };
  return [backend, choose];
}

export function App() {
  const route = useRoute();
  const [backend, setBackend] = useBackendChoice();
  useEffect(() => {
    if (route.page === "lesson" || route.page === "local") kernel.warmUp();
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
        Version {APP_VERSION} ({APP_COMMIT}) · runs locally in your browser ·{" "}
        {self.crossOriginIsolated ? "cross-origin isolated" : "not cross-origin isolated"}
        <StorageStatus />
      </footer>
    </div>
  );
}

function Page({ route, backend }: { route: Route; backend: BackendChoice }) {
  const builtin = useBuiltinLesson(route.page === "lesson" ? route.lessonId : "");
  if (route.page === "catalogue") return <Catalogue />;
  if (route.page === "runs") return <RunsPage />;
  if (route.page === "bench") return <BenchmarksPage />;
  if (route.page === "open" || route.page === "local")
    return <OpenLessonPage lessonId={route.page === "local" ? route.lessonId : null} backend={backend} />;
  // A new revision (the file was saved under `npm run dev`) remounts the page; drafts are saved first and reloaded.
  if (route.page === "lesson" && builtin?.lesson)
    return <LessonPage key={`${route.lessonId}@${builtin.revision}`} lesson={builtin.lesson} backend={backend} />;
  return (
    <section>
      <h1>Not found</h1>
      <p>
        There is no such page. <a href="#/">Back to the lessons</a>
      </p>
    </section>
  );
}
