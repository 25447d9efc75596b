/**
 * The services the UI uses (storage, the kernel, datasets, the environment,
 * lessons), handed down through a React context. The composition root
 * (src/app/main.tsx) builds the real ones; the UI only sees this interface,
 * so it imports nothing from src/app.
 */
import { createContext, useContext, type ReactNode } from "react";
import type { LessonIndexEntry } from "../../core/lesson/lesson-index";
import type { Diagnostic, DatasetRef, Lesson, ParseResult } from "../../core/lesson/types";
import type { LoadedDataset } from "../../core/ml/dataset-types";
import type { LocalLessonRecord } from "../../core/tracking/local-lesson-record";
import type { EnvironmentSnapshot } from "../../core/tracking/types";
import type { KernelClient } from "../../kernel/kernel-client";
import type { DraftsRepo } from "../../storage/drafts-repo";
import type { LocalLessonsRepo } from "../../storage/local-lessons-repo";
import type { ProgressRepo } from "../../storage/progress-repo";
import type { RunsRepo } from "../../storage/runs-repo";
import type { SettingsRepo } from "../../storage/settings-repo";
import type { TrackingRepo } from "../../storage/tracking-repo";

/** The IndexedDB repositories, one per store. */
export interface Repos {
  drafts: DraftsRepo;
  progress: ProgressRepo;
  runs: RunsRepo;
  settings: SettingsRepo;
  localLessons: LocalLessonsRepo;
  /** Runs with their summaries and artifacts (replay, sweeps, the Runs page at scale). */
  tracking: TrackingRepo;
}

/** A lesson shipped with the app as the catalogue lists it, from the build-time index (nothing parsed at start-up). */
export interface BuiltinLessonEntry extends LessonIndexEntry {
  /** Starts at 1; bumped each time the file's text changes during development. */
  revision: number;
}

/** A lesson shipped with the app, loaded and parsed (broken ones are kept with their diagnostics). */
export interface BuiltinLesson {
  file: string;
  lesson: Lesson | null;
  diagnostics: Diagnostic[];
  /** The file's text. */
  text: string;
  /** Starts at 1; bumped each time the file's text changes during development. */
  revision: number;
}

/** A lesson file's text with what the app found in it. */
export interface InspectedLessonFile extends ParseResult {
  fileName: string;
  text: string;
}

/** Runs kernel requests, each in a fresh worker. */
export type KernelRunner = Pick<KernelClient, "run" | "warmUp">;

/** Lessons opened from local files (`Open lesson file`). */
export interface LocalLessonService {
  /** Reads (when given a File) and parses a lesson file as the app would open it, off the main thread. */
  inspect(fileName: string, source: File | string): Promise<InspectedLessonFile>;
  /** Keeps an openable file under its lesson id; says why when it could not be stored (it is still open in this tab). */
  keep(file: InspectedLessonFile): Promise<{ record: LocalLessonRecord; storageProblem?: string }>;
  /** The local lesson with this id and why it is not stored, if it is not. */
  find(lessonId: string): Promise<{ record?: LocalLessonRecord; storageProblem?: string }>;
  /** Every local lesson, most recently opened first. */
  list(): Promise<LocalLessonRecord[]>;
}

/** Everything the UI needs from outside React. */
export interface AppServices {
  /** Opens the database on first use; every caller shares the same connection. */
  getRepos(): Promise<Repos>;
  kernel: KernelRunner;
  /** Loads and verifies (SHA-256) every dataset a lesson declares. */
  loadDatasets(refs: readonly DatasetRef[]): Promise<LoadedDataset[]>;
  environment: {
    /** The browser and app now, stored with every run. */
    snapshot(): EnvironmentSnapshot;
    appVersion: string;
    appCommit: string;
  };
  localLessons: LocalLessonService;
  builtinLessons: {
    /** Every built-in lesson's catalogue entry in catalogue order; a new array after each change. */
    get(): readonly BuiltinLessonEntry[];
    /** Calls `listener` whenever the lesson files change (development only); returns the unsubscribe function. */
    subscribe(listener: () => void): () => void;
    /** Loads and parses one lesson (the parser and the text load on first use). */
    load(entry: BuiltinLessonEntry): Promise<BuiltinLesson>;
  };
}

const ServicesContext = createContext<AppServices | null>(null);

/** Makes `services` available to every component below. */
export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The app's services; throws outside a `ServicesProvider`. */
export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("useServices() needs a <ServicesProvider> above it");
  return services;
}
