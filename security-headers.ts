/**
 * The response headers every host of this app sends: cross-origin isolation
 * (COOP + COEP, for tfjs-wasm threads) and two Content-Security-Policies, one
 * for the app and a stricter one for the kernel worker's script (the worker
 * that runs learner and lesson code; a dedicated worker is governed by the
 * policy of its own script's response). Used by vite.config.ts (dev and
 * preview servers) and e2e/support/static-server.ts; nginx.conf spells the
 * same strings out, and security-headers.test.ts keeps it in step.
 * SECURITY.md explains each directive.
 */

/** COOP + COEP: `crossOriginIsolated` (SharedArrayBuffer) for tfjs-wasm threads. */
export const ISOLATION_HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
} as const;

const join = (directives: string[]) => directives.join("; ");

/**
 * The app (pages, Monaco and its workers, the service worker). Scripts only
 * from this origin, WASM compilation allowed, no eval; inline styles are
 * allowed because KaTeX, Monaco and React set style attributes.
 */
export const APP_CSP = join([
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  // Only the kernel's host frame (src/kernel/kernel-frame.html).
  "frame-src 'self'",
  "frame-ancestors 'none'",
]);

/**
 * The kernel worker: no network at all (it gets datasets and the tfjs .wasm
 * bytes from the page), scripts only from this origin, plus what the sandbox
 * itself needs: 'unsafe-eval' (SES compartments evaluate cells with eval),
 * 'wasm-unsafe-eval' (tfjs-wasm), and blob: workers and scripts (tfjs-wasm's
 * pthread workers are made from blob: URLs, which inherit this policy).
 */
export const KERNEL_CSP = join([
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval' blob:",
  "worker-src blob:",
  "connect-src 'none'",
]);

/** SHA-256 of the one inline script of src/kernel/kernel-frame.html (security-headers.test.ts recomputes it). */
export const KERNEL_FRAME_SCRIPT_HASH = "'sha256-3ugZXkrKzBkW/m+2MposeyqOH/7PfTEwCo7phaTTqXQ='";

/**
 * The kernel's host frame (src/kernel/kernel-frame.html, loaded sandboxed with an
 * opaque origin): its own script by hash, then the same policy as the kernel
 * worker, which it starts from a blob: URL and which inherits this policy.
 */
export const KERNEL_FRAME_CSP = KERNEL_CSP.replace("script-src ", `script-src ${KERNEL_FRAME_SCRIPT_HASH} `);

/**
 * The dev server's app policy: Vite's React refresh preamble is an inline
 * script, and its client connects back over a WebSocket. Production never
 * sends this one.
 */
export const DEV_APP_CSP = APP_CSP.replace(
  "script-src 'self' 'wasm-unsafe-eval'",
  "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'",
).replace("connect-src 'self'", "connect-src 'self' ws: wss:");

/** Whether a request path is the kernel worker's script (built: /assets/kernel.worker-<hash>.js; dev: the .ts source). */
export function isKernelWorkerPath(urlPath: string): boolean {
  const path = urlPath.split("?")[0];
  return /^\/assets\/kernel\.worker-[\w-]+\.js$/.test(path) || path.endsWith("/src/kernel/kernel.worker.ts");
}

/** Whether a request path is the kernel's host frame. */
export function isKernelFramePath(urlPath: string): boolean {
  const path = urlPath.split("?")[0];
  return /^\/assets\/kernel-frame-[\w-]+\.html$/.test(path) || path.endsWith("/src/kernel/kernel-frame.html");
}

/** The security headers of one response. */
export function securityHeaders(urlPath: string, options: { dev?: boolean } = {}): Record<string, string> {
  const csp = isKernelWorkerPath(urlPath)
    ? KERNEL_CSP
    : isKernelFramePath(urlPath)
      ? KERNEL_FRAME_CSP
      : options.dev
        ? DEV_APP_CSP
        : APP_CSP;
  return {
    ...ISOLATION_HEADERS,
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  };
}
