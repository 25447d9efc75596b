/**
 * Runs nginx with the repository's nginx.conf for the deploy test. The config
 * is copied into a temporary folder (which also receives the pid file and the
 * logs) with only the root path, the listen port, the pid file and the log
 * paths rewritten; every header, type and cache rule is the one deployed.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const NGINX_CONF = fileURLToPath(new URL("../../nginx.conf", import.meta.url));

export interface NginxServer {
  readonly url: string;
  /** Stops nginx (nothing listens on the port afterwards); safe to call twice. */
  stop(): Promise<void>;
}

/** The nginx binary: NGINX_PATH if set, else the first `nginx` in /usr/sbin or on PATH; null if it does not exist. */
export function findNginx(): string | null {
  if (process.env.NGINX_PATH) return existsSync(process.env.NGINX_PATH) ? process.env.NGINX_PATH : null;
  const dirs = ["/usr/sbin", ...(process.env.PATH ?? "").split(delimiter)];
  return dirs.map((dir) => join(dir, "nginx")).find((path) => existsSync(path)) ?? null;
}

/** Replaces the one line `pattern` matches, failing loudly if nginx.conf no longer has exactly one. */
function replaceOnce(text: string, pattern: RegExp, line: string): string {
  const matches = text.match(new RegExp(pattern.source, "gm")) ?? [];
  if (matches.length !== 1)
    throw new Error(`nginx.conf: expected one line matching ${pattern}, found ${matches.length}`);
  return text.replace(new RegExp(pattern.source, "m"), line);
}

/** nginx.conf with the site root, port, pid file and logs moved for a local run. */
export function localNginxConf(conf: string, options: { root: string; port: number; dir: string }): string {
  let text = replaceOnce(conf, /^\s*root \S+;$/, `    root ${options.root};`);
  text = replaceOnce(text, /^\s*listen \d+;$/, `    listen 127.0.0.1:${options.port};`);
  text = replaceOnce(text, /^pid \S+;$/, `pid ${join(options.dir, "nginx.pid")};`);
  text = replaceOnce(text, /^error_log \S+( \w+)?;$/, `error_log ${join(options.dir, "error.log")} warn;`);
  return replaceOnce(text, /^\s*access_log \S+;$/, `  access_log ${join(options.dir, "access.log")};`);
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Polls until nginx answers, or fails with its error log if it exits or never answers. */
async function waitUntilServing(url: string, exited: () => boolean, errorLog: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (exited()) break;
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  const log = await readFile(errorLog, "utf8").catch(() => "");
  throw new Error(`nginx did not start serving ${url}:\n${log}`);
}

/** Starts `nginx` in the foreground serving `root` (a built dist folder) on a free port of 127.0.0.1. */
export async function startNginx(nginx: string, root: string): Promise<NginxServer> {
  const dir = await mkdtemp(join(tmpdir(), "ml-notebook-nginx-"));
  const port = await freePort();
  const confPath = join(dir, "nginx.conf");
  await writeFile(confPath, localNginxConf(await readFile(NGINX_CONF, "utf8"), { root: resolve(root), port, dir }));
  const errorLog = join(dir, "error.log");
  const child = spawn(nginx, ["-c", confPath, "-p", dir, "-e", errorLog, "-g", "daemon off;"], { stdio: "ignore" });
  let exited = false;
  const exit = new Promise<void>((done) =>
    child.once("exit", () => {
      exited = true;
      done();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      if (!exited) child.kill("SIGTERM");
      await exit;
      await rm(dir, { recursive: true, force: true });
    })());
  try {
    await waitUntilServing(url, () => exited, errorLog);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
