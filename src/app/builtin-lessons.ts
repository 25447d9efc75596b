/**
 * The lessons shipped with the app: every `lessons/NN-*.md` file. The
 * catalogue gets a build-time index (`?lesson-index`, made by
 * scripts/vite-plugins/lesson-index.ts), so the start page neither downloads
 * nor parses lessons; a lesson, parsed at build time (`?lesson-parsed`),
 * loads when it is opened, without the parser.
 *
 * Under `npm run dev`, saving a lesson file re-runs this module (it accepts
 * its own hot updates); the new index goes into a store kept across module
 * versions, a changed file gets a new revision, and subscribers (the
 * catalogue, the lesson route) re-render in place, so the page is not reloaded.
 */
import { sortLessonIndex, type LessonIndexEntry } from "../core/lesson/lesson-index";
import type { ParseResult } from "../core/lesson/types";
import type { BuiltinLesson, BuiltinLessonEntry } from "../ui/common/services-context";

const index = import.meta.glob("../../lessons/[0-9]*.md", {
  query: "?lesson-index",
  import: "default",
  eager: true,
}) as Record<string, LessonIndexEntry>;
/** A lesson file as the build parsed it. */
type ParsedFile = ParseResult & { text: string };
const parsedFiles = import.meta.glob("../../lessons/[0-9]*.md", {
  query: "?lesson-parsed",
  import: "default",
}) as Record<string, () => Promise<ParsedFile>>;

/** The current index, the loaders of this module version, parsed lessons, and who to tell when they change. */
interface LessonStore {
  entries: readonly BuiltinLessonEntry[];
  loaders: Map<string, () => Promise<ParsedFile>>;
  /** Parsed lessons by `file@hash`. */
  parsed: Map<string, Promise<BuiltinLesson>>;
  listeners: Set<() => void>;
}

const fileOf = (path: string) => path.split("/").pop()!;

function withRevisions(next: Record<string, LessonIndexEntry>, before: readonly BuiltinLessonEntry[]) {
  const entries = Object.values(next).map((entry): BuiltinLessonEntry => {
    const previous = before.find((b) => b.file === entry.file);
    if (previous?.hash === entry.hash) return previous;
    return { ...entry, revision: previous ? previous.revision + 1 : 1 };
  });
  return sortLessonIndex(entries);
}

// One store for every version of this module: importers keep calling the first version's functions.
const store: LessonStore = (import.meta.hot?.data.store as LessonStore | undefined) ?? {
  entries: [],
  loaders: new Map(),
  parsed: new Map(),
  listeners: new Set(),
};
store.entries = withRevisions(index, store.entries);
store.loaders = new Map(Object.entries(parsedFiles).map(([path, load]) => [fileOf(path), load]));
store.listeners.forEach((listener) => listener());
if (import.meta.hot) {
  import.meta.hot.data.store = store;
  import.meta.hot.accept();
}

/** Every built-in lesson's catalogue entry in catalogue order. A new array after each change. */
export function getBuiltinLessons(): readonly BuiltinLessonEntry[] {
  return store.entries;
}

/** Calls `listener` whenever the lesson files change (development only); returns the unsubscribe function. */
export function subscribeBuiltinLessons(listener: () => void): () => void {
  store.listeners.add(listener);
  return () => store.listeners.delete(listener);
}

/** Loads the lesson in `entry.file`, parsed at build time (once per text version); rejects when the file is unknown. */
export function loadBuiltinLesson(entry: BuiltinLessonEntry): Promise<BuiltinLesson> {
  const key = `${entry.file}@${entry.hash}`;
  let parsed = store.parsed.get(key);
  if (!parsed) {
    const load = store.loaders.get(entry.file);
    if (!load) return Promise.reject(new Error(`No lesson file ${entry.file}`));
    parsed = load().then(({ lesson, diagnostics, text }) => ({
      file: entry.file,
      text,
      revision: entry.revision,
      lesson,
      diagnostics,
    }));
    parsed.catch(() => store.parsed.delete(key));
    store.parsed.set(key, parsed);
  }
  return parsed;
}
