// Entry of `npm run lessons:check`: Node 20 cannot run TypeScript, so this
// loads scripts/lessons-check-cli.ts through Vite's module runner (no build step)
// and exits with its code (1 when any lesson has an error).
import { fileURLToPath } from "node:url";
import { runnerImport } from "vite";

// `npm run lessons:check | head` closes the pipe early; that is not an error.
process.stdout.on("error", (error) =>
  error.code === "EPIPE" ? process.exit(process.exitCode ?? 0) : Promise.reject(error),
);

const root = fileURLToPath(new URL("../", import.meta.url));
const { module } = await runnerImport(fileURLToPath(new URL("./lessons-check-cli.ts", import.meta.url)), {
  root,
  configFile: false,
  logLevel: "error",
});
process.exitCode = await module.main(process.argv.slice(2));
