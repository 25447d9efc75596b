/** React access to the built-in lessons, re-rendering when a lesson file is saved during development. */
import { useSyncExternalStore } from "react";
import { useServices, type BuiltinLesson } from "./services-context";

/** Every built-in lesson in catalogue order (see `AppServices.builtinLessons`). */
export function useBuiltinLessons(): readonly BuiltinLesson[] {
  const { builtinLessons } = useServices();
  return useSyncExternalStore(builtinLessons.subscribe, builtinLessons.get);
}

/** The built-in lesson with this id, or undefined. */
export function useBuiltinLesson(id: string): BuiltinLesson | undefined {
  return useBuiltinLessons().find((entry) => entry.lesson?.meta.id === id);
}
