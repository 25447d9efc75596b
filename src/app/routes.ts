/** Hash routes: `#/`, `#/lesson/<id>`, `#/runs`. Hash routing works on any static host. */
export type Route = { page: "catalogue" } | { page: "lesson"; lessonId: string } | { page: "runs" } | { page: "not-found"; hash: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "") || "/";
  if (path === "/" || path === "") return { page: "catalogue" };
  if (path === "/runs") return { page: "runs" };
  const lesson = /^\/lesson\/([a-z0-9-]+)$/.exec(path);
  if (lesson) return { page: "lesson", lessonId: lesson[1] };
  return { page: "not-found", hash };
}

export const lessonHref = (lessonId: string) => `#/lesson/${lessonId}`;
