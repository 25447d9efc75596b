import { lazy, Suspense, useEffect, useState } from "react";
import type { BackendChoice } from "../core/kernel/protocol";
import { SETTINGS_SCHEMA_VERSION } from "../core/tracking/types";
import { BackendSelect, parseBackendChoice } from "../ui/common/BackendSelect";
import { ErrorBoundary } from "../ui/common/ErrorBoundary";
import { Catalogue } from "../ui/catalogue/Catalogue";
import { findBuiltinLesson } from "./builtin-lessons";
import { APP_COMMIT, APP_VERSION } from "./environment";
import { parseRoute, type Route } from "./routes";
import { getRepos, kernel } from "./services";

const LessonPage = lazy(() => import("../ui/lesson/LessonPage").then((m) => ({ default: m.LessonPage })));
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
    if (route.page === "lesson") kernel.warmUp();
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
        </nav>
        <BackendSelect value={backend} onChange={setBackend} />
      </header>
      <main>
        <ErrorBoundary area={route.page === "lesson" ? "lesson" : "page"} key={JSON.stringify(route)}>
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <Page route={route} backend={backend} />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="muted small">
        Version {APP_VERSION} ({APP_COMMIT}) · runs locally in your browser · {self.crossOriginIsolated ? "cross-origin isolated" : "not cross-origin isolated"}
      </footer>
    </div>
  );
}

function Page({ route, backend }: { route: Route; backend: BackendChoice }) {
  if (route.page === "catalogue") return <Catalogue />;
  if (route.page === "runs") return <RunsPage />;
  if (route.page === "lesson") {
    const entry = findBuiltinLesson(route.lessonId);
    if (entry?.lesson) return <LessonPage key={route.lessonId} lesson={entry.lesson} backend={backend} />;
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
