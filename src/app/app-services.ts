/** The real services handed to the UI (see `AppServices`): the composition root's wiring, no logic of its own. */
import type { AppServices } from "../ui/common/services-context";
import { getBuiltinLessons, subscribeBuiltinLessons } from "./builtin-lessons";
import { loadDatasets } from "./dataset-loader";
import { APP_COMMIT, APP_VERSION, environmentSnapshot } from "./environment";
import { findLocalLesson, inspectLocalLessonFile, keepLocalLesson, listLocalLessons } from "./local-lessons";
import { getRepos, kernel } from "./services";

export const appServices: AppServices = {
  getRepos,
  kernel,
  loadDatasets,
  environment: { snapshot: environmentSnapshot, appVersion: APP_VERSION, appCommit: APP_COMMIT },
  localLessons: {
    inspect: inspectLocalLessonFile,
    keep: keepLocalLesson,
    find: findLocalLesson,
    list: listLocalLessons,
  },
  builtinLessons: { get: getBuiltinLessons, subscribe: subscribeBuiltinLessons },
};
