/** React access to the built-in lessons, re-rendering when a lesson file is saved during development. */
import { useSyncExternalStore } from "react";
import { getBuiltinLessons, subscribeBuiltinLessons, type BuiltinLesson } from "./builtin-lessons";

/** Every built-in lesson in catalogue order (see `getBuiltinLessons`). */
export function useBuiltinLessons(): readonly BuiltinLesson[] {
  return useSyncExternalStore(subscribeBuiltinLessons, getBuiltinLessons);
}

/** The built-in lesson with this id, or undefined. */
export function useBuiltinLesson(id: string): BuiltinLesson | undefined {
  return useBuiltinLessons().find((entry) => entry.lesson?.meta.id === id);
}
