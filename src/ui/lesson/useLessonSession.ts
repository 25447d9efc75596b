/**
 * State of one lesson page: the learner's code per exercise (autosaved as
 * drafts), check verdicts (saved as progress), experiment results (saved as
 * runs), and the one run in flight.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { BackendChoice, KernelMessage, KernelRequest } from "../../core/kernel/protocol";
import type { Lesson } from "../../core/lesson/types";
import { sha256Hex } from "../../core/ml/sha256";
import { DRAFT_SCHEMA_VERSION, PROGRESS_SCHEMA_VERSION, type ProgressRecord } from "../../core/tracking/types";
import { loadDatasets } from "../../app/dataset-loader";
import { environmentSnapshot } from "../../app/environment";
import { getRepos, kernel } from "../../app/services";
import type { RunEnd } from "../../kernel/kernel-client";
import { checksRequest, experimentRequest, learnerCells, learnerCodeText, runRecord } from "./run-requests";
import type { ExerciseState, ExperimentState, RunNotice, RunningTask } from "./session-types";

/** Experiments train two implementations; they get a longer limit than checks. */
export const EXPERIMENT_TIME_LIMIT_MS = 120_000;
/** Drafts are saved this long after typing stops. */
const AUTOSAVE_DELAY_MS = 400;

const emptyExperiment: ExperimentState = { result: null, outputs: [], plots: [], errors: [] };

function initialExercises(lesson: Lesson): Record<string, ExerciseState> {
  return Object.fromEntries(
    lesson.exercises.map((e) => [
      e.id,
      {
        code: e.starter,
        revision: 0,
        hintsRevealed: 0,
        solutionShown: false,
        verdicts: null,
        verdictsFromStorage: false,
        outputs: [],
        plots: [],
        errors: [],
      },
    ]),
  );
}

function endNotice(end: RunEnd): RunNotice | undefined {
  if (end.kind === "timeout")
    return {
      tone: "error",
      text: `Stopped after the ${end.limitMs / 1000} s time limit: the code was still running (an infinite loop?). The kernel was restarted; your code is unchanged.`,
    };
  if (end.kind === "stopped")
    return { tone: "info", text: "Stopped. The kernel was restarted; your code is unchanged." };
  if (end.kind === "crashed") return { tone: "error", text: `The kernel crashed: ${end.message}` };
  if (end.kind === "refused") return { tone: "error", text: end.message };
  if (end.message.kind === "failed") return { tone: "error", text: `The run failed: ${end.message.message}` };
  return undefined;
}

export function useLessonSession(lesson: Lesson, backend: BackendChoice) {
  const lessonId = lesson.meta.id;
  const [exercises, setExercises] = useState(() => initialExercises(lesson));
  const [experiments, setExperiments] = useState<Record<string, ExperimentState>>({});
  const [running, setRunning] = useState<RunningTask | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [storageProblem, setStorageProblem] = useState<string | null>(null);
  const latest = useRef(exercises);
  latest.current = exercises;
  const progress = useRef(new Map<string, ProgressRecord>());
  const saveTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const stopCurrent = useRef<(() => void) | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const repos = await getRepos();
      const [drafts, stored] = await Promise.all([
        repos.drafts.listByLesson(lessonId),
        repos.progress.listByLesson(lessonId),
      ]);
      if (cancelled) return;
      stored.progress.forEach((p) => progress.current.set(p.exerciseId, p));
      setExercises((current) => {
        const next = { ...current };
        for (const d of drafts.drafts) {
          if (!next[d.exerciseId]) continue;
          next[d.exerciseId] = {
            ...next[d.exerciseId],
            code: d.code,
            revision: next[d.exerciseId].revision + 1,
            previousCode: d.previousCode,
            hintsRevealed: d.hintsRevealed,
          };
        }
        for (const p of stored.progress) {
          if (!next[p.exerciseId]) continue;
          next[p.exerciseId] = {
            ...next[p.exerciseId],
            verdicts: p.verdicts,
            verdictsFromStorage: true,
            solutionShown: p.solutionShown,
          };
        }
        return next;
      });
      const invalid = drafts.invalid.length + stored.invalid.length;
      if (invalid > 0)
        setStorageProblem(`${invalid} saved record(s) of this lesson could not be read; they were kept untouched.`);
    })()
      .catch((error: Error) => setStorageProblem(`Your work cannot be saved in this browser: ${error.message}`))
      .finally(() => !cancelled && setLoaded(true));
    return () => {
      cancelled = true;
    };
  }, [lessonId]);

  const saveDraft = useCallback(
    (exerciseId: string) => {
      const state = latest.current[exerciseId];
      getRepos()
        .then((repos) =>
          repos.drafts.put({
            schemaVersion: DRAFT_SCHEMA_VERSION,
            lessonId,
            exerciseId,
            code: state.code,
            previousCode: state.previousCode,
            hintsRevealed: state.hintsRevealed,
            updatedAt: new Date().toISOString(),
          }),
        )
        .then(() => setStorageProblem(null))
        .catch((error: Error) => setStorageProblem(error.message));
    },
    [lessonId],
  );

  const scheduleSave = useCallback(
    (exerciseId: string, delay = AUTOSAVE_DELAY_MS) => {
      clearTimeout(saveTimers.current.get(exerciseId));
      saveTimers.current.set(
        exerciseId,
        setTimeout(() => {
          saveTimers.current.delete(exerciseId);
          saveDraft(exerciseId);
        }, delay),
      );
    },
    [saveDraft],
  );

  // Leaving the page or the lesson must not lose the last keystrokes: save pending drafts now.
  useEffect(() => {
    const timers = saveTimers.current;
    const flush = () => {
      for (const [exerciseId, timer] of timers) {
        clearTimeout(timer);
        saveDraft(exerciseId);
      }
      timers.clear();
    };
    const onVisibility = () => document.visibilityState === "hidden" && flush();
    addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      flush();
      removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [saveDraft]);

  const update = useCallback(
    (exerciseId: string, change: (state: ExerciseState) => Partial<ExerciseState>, save = true) => {
      setExercises((current) => {
        const next = { ...current, [exerciseId]: { ...current[exerciseId], ...change(current[exerciseId]) } };
        latest.current = next;
        return next;
      });
      if (save) scheduleSave(exerciseId, 0);
    },
    [scheduleSave],
  );

  const setCode = useCallback(
    (exerciseId: string, code: string) => {
      if (latest.current[exerciseId]?.code === code) return;
      update(exerciseId, () => ({ code }), false);
      scheduleSave(exerciseId);
    },
    [update, scheduleSave],
  );

  const saveProgress = useCallback(
    (exerciseId: string, verdicts: ExerciseState["verdicts"]) => {
      if (!verdicts) return;
      const before = progress.current.get(exerciseId);
      const allPassed = verdicts.every((v) => v.passed);
      const record: ProgressRecord = {
        schemaVersion: PROGRESS_SCHEMA_VERSION,
        lessonId,
        exerciseId,
        verdicts,
        allPassed,
        everPassed: allPassed || Boolean(before?.everPassed),
        solutionShown: latest.current[exerciseId].solutionShown,
        updatedAt: new Date().toISOString(),
      };
      progress.current.set(exerciseId, record);
      getRepos()
        .then((repos) => repos.progress.put(record))
        .catch((error: Error) => setStorageProblem(error.message));
    },
    [lessonId],
  );

  /** Runs one kernel request with the page's single run slot; returns how it ended. */
  const runKernel = useCallback(
    async <R extends KernelRequest>(
      target: RunningTask["target"],
      limitMs: number,
      build: () => Promise<R>,
      onMessage: (m: KernelMessage) => void,
    ) => {
      const request = await build();
      setRunning({ target, startedAt: performance.now(), limitMs });
      const handle = kernel.run(request, limitMs, onMessage);
      stopCurrent.current = handle.stop;
      const end = await handle.done;
      stopCurrent.current = null;
      setRunning(null);
      return { request, end };
    },
    [],
  );

  const runChecks = useCallback(
    (exerciseId: string) => {
      if (running || !latest.current[exerciseId]) return;
      update(exerciseId, () => ({ outputs: [], plots: [], errors: [], notice: undefined }), false);
      const cells = learnerCells(lesson, (id) => latest.current[id].code);
      runKernel(
        { kind: "exercise", id: exerciseId },
        lesson.meta.timeLimitMs,
        async () => checksRequest(lesson, exerciseId, cells, await loadDatasets(lesson.meta.datasets)),
        (message) => {
          if (message.kind === "output") update(exerciseId, (s) => ({ outputs: [...s.outputs, message] }), false);
          if (message.kind === "plot") update(exerciseId, (s) => ({ plots: [...s.plots, message] }), false);
          if (message.kind === "cell-error")
            update(exerciseId, (s) => ({ errors: [...s.errors, message.error] }), false);
        },
      )
        .then(({ end }) => {
          const verdicts = end.kind === "finished" && end.message.kind === "checks-done" ? end.message.verdicts : null;
          update(
            exerciseId,
            (s) => ({
              verdicts: verdicts ?? s.verdicts,
              verdictsFromStorage: verdicts ? false : s.verdictsFromStorage,
              notice: endNotice(end),
            }),
            false,
          );
          saveProgress(exerciseId, verdicts);
        })
        .catch((error: Error) => update(exerciseId, () => ({ notice: { tone: "error", text: error.message } }), false));
    },
    [lesson, running, runKernel, update, saveProgress],
  );

  const setExperiment = useCallback((id: string, change: (s: ExperimentState) => Partial<ExperimentState>) => {
    setExperiments((current) => ({
      ...current,
      [id]: { ...(current[id] ?? emptyExperiment), ...change(current[id] ?? emptyExperiment) },
    }));
  }, []);

  const runExperiment = useCallback(
    (experimentId: string) => {
      const experiment = lesson.experiments.find((e) => e.id === experimentId);
      if (running || !experiment) return;
      setExperiment(experimentId, () => ({ outputs: [], plots: [], errors: [], notice: undefined }));
      const cells = learnerCells(lesson, (id) => latest.current[id].code);
      runKernel(
        { kind: "experiment", id: experimentId },
        EXPERIMENT_TIME_LIMIT_MS,
        async () => experimentRequest(lesson, experiment, cells, await loadDatasets(lesson.meta.datasets), backend),
        (message) => {
          if (message.kind === "output") setExperiment(experimentId, (s) => ({ outputs: [...s.outputs, message] }));
          if (message.kind === "plot") setExperiment(experimentId, (s) => ({ plots: [...s.plots, message] }));
          if (message.kind === "cell-error")
            setExperiment(experimentId, (s) => ({ errors: [...s.errors, message.error] }));
        },
      )
        .then(async ({ request, end }) => {
          setExperiment(experimentId, () => ({ notice: endNotice(end) }));
          if (end.kind !== "finished" || end.message.kind !== "experiment-done") return;
          const result = end.message.result;
          setExperiment(experimentId, () => ({ result, savedRunId: undefined }));
          const text = learnerCodeText(cells);
          const dataset = request.lesson.datasets.find((d) => d.id === experiment.spec.dataset.id)!;
          const record = runRecord({
            runId: request.runId,
            lesson,
            experiment,
            dataset,
            code: { text, sha256: await sha256Hex(text) },
            result,
            environment: environmentSnapshot(),
          });
          await (await getRepos()).runs.put(record);
          setExperiment(experimentId, () => ({ savedRunId: record.runId }));
        })
        .catch((error: Error) =>
          setExperiment(experimentId, () => ({ notice: { tone: "error", text: error.message } })),
        );
    },
    [lesson, running, backend, runKernel, setExperiment],
  );

  const actions = {
    setCode,
    runChecks,
    stop: () => stopCurrent.current?.(),
    revealHint: (id: string) => update(id, (s) => ({ hintsRevealed: s.hintsRevealed + 1 })),
    showSolution: (id: string) => {
      const solution = lesson.exercises.find((e) => e.id === id)?.solution;
      if (solution === undefined) return;
      update(id, (s) => ({
        previousCode: s.code === solution ? s.previousCode : s.code,
        code: solution,
        revision: s.revision + 1,
        solutionShown: true,
      }));
    },
    restorePrevious: (id: string) =>
      update(id, (s) => ({ code: s.previousCode ?? s.code, revision: s.revision + 1, previousCode: undefined })),
    reset: (id: string) => {
      const starter = lesson.exercises.find((e) => e.id === id)!.starter;
      update(id, (s) => ({
        previousCode: s.code === starter ? s.previousCode : s.code,
        code: starter,
        revision: s.revision + 1,
      }));
    },
  };

  return { exercises, experiments, running, loaded, storageProblem, actions, runExperiment };
}
