/**
 * Hash routes: `#/`, `#/lesson/<id>`, `#/runs`, `#/runs/<runId>` (one run), `#/bench` (benchmarks), `#/open` (open a local lesson
 * file) and `#/local/<id>` (a lesson opened from a file). Hash routing works on any static host.
 */
export type Route =
  | { page: "catalogue" }
  | { page: "lesson"; lessonId: string }
  | { page: "runs" }
  | { page: "run"; runId: string }
  | { page: "bench" }
  | { page: "open" }
  | { page: "local"; lessonId: string }
  | { page: "not-found"; hash: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "") || "/";
  if (path === "/" || path === "") return { page: "catalogue" };
  if (path === "/runs") return { page: "runs" };
  if (path === "/bench") return { page: "bench" };
  const run = /^\/runs\/([A-Za-z0-9-]+)$/.exec(path);
  if (run) return { page: "run", runId: run[1] };
  if (path === "/open") return { page: "open" };
  const local = /^\/local\/([a-z0-9-]+)$/.exec(path);
  if (local) return { page: "local", lessonId: local[1] };
  const lesson = /^\/lesson\/([a-z0-9-]+)$/.exec(path);
  if (lesson) return { page: "lesson", lessonId: lesson[1] };
  return { page: "not-found", hash };
}

export const lessonHref = (lessonId: string) => `#/lesson/${lessonId}`;
export const localLessonHref = (lessonId: string) => `#/local/${lessonId}`;
