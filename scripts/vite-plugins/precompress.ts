/**
 * Precompressed assets: after the build (service worker included), every
 * compressible file in the output gets `.gz` and `.br` siblings, written once
 * at the highest levels so no server compresses on the fly. `vite preview`
 * (`npm start`) serves them by Accept-Encoding through the middleware below;
 * nginx.conf uses `gzip_static`. Files with a content hash in their name
 * (under /assets/, and Workbox's runtime) are cached for a year.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Connect, Plugin, ResolvedConfig } from "vite";

const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".html": "text/html",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
  ".csv": "text/csv",
  ".md": "text/markdown",
  ".txt": "text/plain",
};
/** Below this size compression saves less than a packet. */
const MIN_BYTES = 1024;
/** Brotli's top quality is slow on multi-megabyte files (Monaco's TS worker); a step lower is nearly as small. */
const BROTLI_MAX_QUALITY_BYTES = 2 * 1024 * 1024;
/** Served by hashed name: may be cached for a year. */
export const IMMUTABLE = /^\/(assets\/|workbox-[0-9a-f]+\.js$)/;

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function compressFile(path: string): Promise<void> {
  const data = await readFile(path);
  if (data.length < MIN_BYTES) return;
  const quality = data.length > BROTLI_MAX_QUALITY_BYTES ? 9 : constants.BROTLI_MAX_QUALITY;
  const [gz, br] = await Promise.all([
    gzipAsync(data, { level: 9 }),
    brotliAsync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }),
  ]);
  if (gz.length < data.length * 0.95) await writeFile(`${path}.gz`, gz);
  if (br.length < data.length * 0.95) await writeFile(`${path}.br`, br);
}

/** Which precompressed sibling of `file` to send for this Accept-Encoding, if any. */
function pickEncoding(file: string, accept: string): { path: string; encoding: "br" | "gzip" } | null {
  if (/\bbr\b/.test(accept) && existsSync(`${file}.br`)) return { path: `${file}.br`, encoding: "br" };
  if (/\bgzip\b/.test(accept) && existsSync(`${file}.gz`)) return { path: `${file}.gz`, encoding: "gzip" };
  return null;
}

function precompressedMiddleware(config: ResolvedConfig): Connect.NextHandleFunction {
  const root = resolve(config.root, config.build.outDir);
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const url = decodeURIComponent((req.url ?? "/").split("?")[0]);
    if (IMMUTABLE.test(url)) res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    const file = normalize(join(root, url === "/" ? "/index.html" : url));
    const type = TYPES[extname(file)];
    if (!file.startsWith(root) || !type || !existsSync(file)) return next();
    const chosen = pickEncoding(file, String(req.headers["accept-encoding"] ?? ""));
    if (!chosen) return next();
    for (const [name, value] of Object.entries(config.preview.headers ?? {})) res.setHeader(name, value as string);
    if (!IMMUTABLE.test(url)) res.setHeader("Cache-Control", "no-cache");
    res.setHeader("Content-Type", type.startsWith("text/") ? `${type}; charset=utf-8` : type);
    res.setHeader("Content-Encoding", chosen.encoding);
    res.setHeader("Vary", "Accept-Encoding");
    res.setHeader("Content-Length", statSync(chosen.path).size);
    if (req.method === "HEAD") return res.end();
    createReadStream(chosen.path).pipe(res);
  };
}

/** Writes `.gz` and `.br` beside every compressible output file, and serves them from `vite preview`. */
export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "precompress",
    // Not `apply: "build"`: `vite preview` resolves the config as `serve` and needs the middleware.
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      order: "post",
      sequential: true,
      async handler() {
        // The dev server also calls closeBundle when it stops: compress only after a build.
        if (config.command !== "build") return;
        const outDir = resolve(config.root, config.build.outDir);
        const files = (await filesUnder(outDir)).filter((f) => TYPES[extname(f)]);
        await Promise.all(files.map(compressFile));
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use(precompressedMiddleware(server.config));
    },
  };
}
