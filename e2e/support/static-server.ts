/**
 * A small static file server for the offline and update tests. It runs inside
 * the Playwright worker, so a test can stop it (the network is gone, not just
 * emulated offline) or point it at another build (a new version is deployed on
 * the same origin). Like every real host of this app it sends the security
 * headers (COOP/COEP and the Content-Security-Policies, security-headers.ts)
 * on every response. It also sends `no-store`: offline, Chromium may answer from
 * its HTTP cache, which would hide a file the service worker failed to
 * precache; with nothing in the HTTP cache, only the precache can answer.
 */
import { createServer, type ServerResponse } from "node:http";
import { readFile, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { securityHeaders } from "../../security-headers";

/** The content types this app's build contains (nginx.conf lists the same). */
const MIME_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".map": "application/json",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".csv": "text/csv",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  /** http://127.0.0.1:<port>, the origin the browser sees. */
  readonly url: string;
  /** Serves another folder from now on, on the same origin. */
  serve(root: string): void;
  /** Closes the port and every open connection; safe to call twice. */
  stop(): Promise<void>;
}

/** The file a URL path names inside root, or null for a path that escapes it. */
function fileFor(root: string, urlPath: string): string | null {
  const path = decodeURIComponent(urlPath.split("?")[0]);
  const file = resolve(join(root, path.endsWith("/") ? `${path}index.html` : path));
  return file === root || file.startsWith(root + sep) ? file : null;
}

function reply(res: ServerResponse, urlPath: string, status: number, type: string, body: Buffer | string): void {
  res.writeHead(status, { ...securityHeaders(urlPath), "Cache-Control": "no-store", "Content-Type": type });
  res.end(body);
}

/** Starts serving `root` on a free port of 127.0.0.1. */
export async function startStaticServer(root: string): Promise<StaticServer> {
  let current = resolve(root);
  const server = createServer(async (req, res) => {
    const file = fileFor(current, req.url ?? "/");
    const found = file ? await stat(file).catch(() => null) : null;
    const urlPath = req.url ?? "/";
    if (!file || !found?.isFile()) return reply(res, urlPath, 404, "text/plain; charset=utf-8", "Not found");
    const type = MIME_TYPES[extname(file)] ?? "application/octet-stream";
    reply(res, urlPath, 200, type, req.method === "HEAD" ? "" : await readFile(file));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    serve(next) {
      current = resolve(next);
    },
    stop() {
      stopped ??= new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
