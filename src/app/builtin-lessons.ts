/**
 * The lessons shipped with the app: every `lessons/NN-*.md` file, bundled as
 * text at build time and parsed with the same parser instructors' tools use.
 *
 * Under `npm run dev`, saving a lesson file re-runs this module (it accepts
 * its own hot updates); the new lessons go into a store kept across module
 * versions, and subscribers (the catalogue, the lesson route) re-render in
 * place, so the page is not reloaded.
 */
import { parseLesson } from "../core/lesson/parse-lesson";
import type { BuiltinLesson } from "../ui/common/services-context";

const files = import.meta.glob("../../lessons/[0-9]*.md", { query: "?raw", import: "default", eager: true }) as Record<
  string,
  string
>;

/** The current lessons and who to tell when they change. */
interface LessonStore {
  lessons: readonly BuiltinLesson[];
  listeners: Set<() => void>;
}

function parseAll(sources: Record<string, string>, before: readonly BuiltinLesson[]): BuiltinLesson[] {
  return Object.entries(sources)
    .map(([path, text]) => {
      const file = path.split("/").pop()!;
      const previous = before.find((entry) => entry.file === file);
      const revision = previous ? previous.revision + (previous.text === text ? 0 : 1) : 1;
      return previous?.text === text ? previous : { file, text, revision, ...parseLesson(text) };
    })
    .sort(
      (a, b) => (a.lesson?.meta.order ?? Infinity) - (b.lesson?.meta.order ?? Infinity) || a.file.localeCompare(b.file),
    );
}

// One store for every version of this module: importers keep calling the first version's functions.
const store: LessonStore = (import.meta.hot?.data.store as LessonStore | undefined) ?? {
  lessons: [],
  listeners: new Set(),
};
store.lessons = parseAll(files, store.lessons);
store.listeners.forEach((listener) => listener());
if (import.meta.hot) {
  import.meta.hot.data.store = store;
  import.meta.hot.accept();
}

/** Every built-in lesson in catalogue order; broken ones are kept with their diagnostics. A new array after each change. */
export function getBuiltinLessons(): readonly BuiltinLesson[] {
  return store.lessons;
}

/** Calls `listener` whenever the lesson files change (development only); returns the unsubscribe function. */
export function subscribeBuiltinLessons(listener: () => void): () => void {
  store.listeners.add(listener);
  return () => store.listeners.delete(listener);
}
