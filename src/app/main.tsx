import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ServicesProvider } from "../ui/common/services-context";
import { parseRoute } from "../ui/routes";
import { AppShell } from "../ui/shell/AppShell";
import { appServices } from "./app-services";
import { getBuiltinLessons, loadBuiltinLesson } from "./builtin-lessons";
import { getRepos } from "./services";
import "../ui/styles.css";

/**
 * Opened on a lesson: its page's code, the lesson and the database start
 * loading now, beside the first render, rather than when the rendered shell
 * asks for them (the same requests then find them loading or loaded).
 */
function preloadLessonRoute(): void {
  const route = parseRoute(location.hash);
  if (route.page !== "lesson") return;
  // Failures are the page's to report (it asks for the same module again and says why).
  import("../ui/lesson/LessonPage").catch(() => undefined);
  const entry = getBuiltinLessons().find((candidate) => candidate.lesson?.id === route.lessonId);
  if (entry) loadBuiltinLesson(entry).catch(() => undefined);
  getRepos().catch(() => undefined);
}

preloadLessonRoute();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ServicesProvider services={appServices}>
      <AppShell />
    </ServicesProvider>
  </StrictMode>,
);
