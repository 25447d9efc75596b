/** React access to the built-in lessons, re-rendering when a lesson file is saved during development. */
import { useEffect, useState, useSyncExternalStore } from "react";
import { useServices, type BuiltinLesson, type BuiltinLessonEntry } from "./services-context";

/** Every built-in lesson's catalogue entry in catalogue order (see `AppServices.builtinLessons`). */
export function useBuiltinLessons(): readonly BuiltinLessonEntry[] {
  const { builtinLessons } = useServices();
  return useSyncExternalStore(builtinLessons.subscribe, builtinLessons.get);
}

/** The catalogue entry of the built-in lesson with this id, or undefined. */
export function useBuiltinLessonEntry(id: string): BuiltinLessonEntry | undefined {
  return useBuiltinLessons().find((entry) => entry.lesson?.id === id);
}

/** The parsed lesson of `entry` (null while it loads), reloaded when the entry's text changes; an Error if loading failed. */
export function useLoadedBuiltinLesson(entry: BuiltinLessonEntry | undefined): BuiltinLesson | Error | null {
  const { builtinLessons } = useServices();
  const [loaded, setLoaded] = useState<{ entry: BuiltinLessonEntry; value: BuiltinLesson | Error } | null>(null);
  useEffect(() => {
    if (!entry) return;
    let cancelled = false;
    builtinLessons
      .load(entry)
      .then((value) => !cancelled && setLoaded({ entry, value }))
      .catch((error: Error) => !cancelled && setLoaded({ entry, value: error }));
    return () => {
      cancelled = true;
    };
  }, [entry, builtinLessons]);
  return loaded && loaded.entry === entry ? loaded.value : null;
}
