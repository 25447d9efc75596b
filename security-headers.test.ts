import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  APP_CSP,
  isKernelWorkerPath,
  KERNEL_CSP,
  KERNEL_FRAME_CSP,
  KERNEL_FRAME_SCRIPT_HASH,
  securityHeaders,
} from "./security-headers";

const nginxConf = readFileSync(new URL("./nginx.conf", import.meta.url), "utf8");

describe("security headers", () => {
  it("give the kernel worker's script, and only it, the no-network policy", () => {
    expect(isKernelWorkerPath("/assets/kernel.worker-AbC_12-x.js")).toBe(true);
    expect(isKernelWorkerPath("/src/kernel/kernel.worker.ts?worker_file&type=module")).toBe(true);
    expect(isKernelWorkerPath("/assets/ts.worker-abc.js")).toBe(false);
    expect(isKernelWorkerPath("/assets/kernel.worker-abc.js.map")).toBe(false);
    expect(securityHeaders("/assets/kernel.worker-abc.js")["Content-Security-Policy"]).toContain("connect-src 'none'");
    expect(securityHeaders("/index.html")["Content-Security-Policy"]).not.toMatch(/'unsafe-eval'/);
  });

  it("are spelled the same in nginx.conf", () => {
    expect(nginxConf).toContain(`default "${APP_CSP}";`);
    expect(nginxConf).toContain(`"~^/assets/kernel\\.worker-[\\w-]+\\.js$" "${KERNEL_CSP}";`);
    expect(nginxConf).toContain(`"~^/assets/kernel-frame-[\\w-]+\\.html$" "${KERNEL_FRAME_CSP}";`);
    expect(nginxConf).toMatch(/add_header Content-Security-Policy \$content_security_policy always;/);
  });

  it("let the kernel's host frame run its one script (by hash), no other, and reach no network", () => {
    const frame = readFileSync(new URL("./src/kernel/kernel-frame.html", import.meta.url), "utf8");
    const scripts = [...frame.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    const hash = createHash("sha256").update(scripts[0]).digest("base64");
    expect(KERNEL_FRAME_SCRIPT_HASH).toBe(`'sha256-${hash}'`);
    const csp = securityHeaders("/assets/kernel-frame-Ab1_x.html")["Content-Security-Policy"];
    expect(csp).toContain(KERNEL_FRAME_SCRIPT_HASH);
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toContain("'unsafe-inline'");
    expect(securityHeaders("/index.html")["Content-Security-Policy"]).toContain("frame-src 'self'");
  });
});
