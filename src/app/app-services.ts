/** The real services handed to the UI (see `AppServices`): the composition root's wiring, no logic of its own. */
import type { AppServices } from "../ui/common/services-context";
import { getBuiltinLessons, loadBuiltinLesson, subscribeBuiltinLessons } from "./builtin-lessons";
import { APP_COMMIT, APP_VERSION, environmentSnapshot } from "./environment";
import type * as LocalLessons from "./local-lessons";
import { getRepos, kernel } from "./services";

/** Local lesson files need the parser and the record validators: loaded on first use, out of the first page. */
const localLessons = () => import("./local-lessons");
type Args<K extends keyof typeof LocalLessons> = Parameters<(typeof LocalLessons)[K]>;

export const appServices: AppServices = {
  getRepos,
  kernel,
  // The CSV parser (papaparse) loads with the first dataset, not with the first page.
  loadDatasets: (refs) => import("./dataset-loader").then((m) => m.loadDatasets(refs)),
  environment: { snapshot: environmentSnapshot, appVersion: APP_VERSION, appCommit: APP_COMMIT },
  localLessons: {
    inspect: (...args: Args<"inspectLocalLessonFile">) => localLessons().then((m) => m.inspectLocalLessonFile(...args)),
    keep: (...args: Args<"keepLocalLesson">) => localLessons().then((m) => m.keepLocalLesson(...args)),
    find: (...args: Args<"findLocalLesson">) => localLessons().then((m) => m.findLocalLesson(...args)),
    list: () => localLessons().then((m) => m.listLocalLessons()),
  },
  builtinLessons: { get: getBuiltinLessons, subscribe: subscribeBuiltinLessons, load: loadBuiltinLesson },
};
