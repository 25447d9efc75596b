/**
 * What evaluation works on: cells of code (with the ids errors and output are
 * attributed to), check cells, the lesson's share of a run, and errors located
 * in a cell. Pure data.
 */
import type { LoadedDataset } from "../ml/dataset-types";

/** Code of one cell, with the cell id used to attribute errors and output. */
export interface SourceCell {
  id: string;
  code: string;
}

/** A check cell's code; a hidden check shows only its name and verdict. */
export interface CheckSource extends SourceCell {
  hidden: boolean;
}

/** What a run needs from the lesson, besides the learner's code. */
export interface LessonPayload {
  setup: SourceCell[];
  datasets: LoadedDataset[];
}

/** An error attributed to a cell; `line`/`column` are 1-based within that cell's code. */
export interface CellError {
  cellId: string;
  phase: "syntax" | "runtime";
  message: string;
  line?: number;
  column?: number;
}
