/**
 * Loads Monaco from the app's own bundle (never a CDN) with its editor and
 * TypeScript workers, and gives the TypeScript service the `lesson` module's
 * declarations. Imported lazily by the editor component only.
 */
import * as monaco from "monaco-editor";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TsWorker from "monaco-editor/language/typescript/ts.worker?worker";
import { LEARNER_API_DTS } from "../../core/evaluation/learner-api";

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === "typescript" || label === "javascript" ? new TsWorker() : new EditorWorker();
  },
};

const ts = monaco.typescript;
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
  lib: ["es2020"],
});
ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
ts.typescriptDefaults.addExtraLib(LEARNER_API_DTS, "file:///node_modules/@types/lesson/index.d.ts");

export { monaco };
