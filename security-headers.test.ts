import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { APP_CSP, isKernelWorkerPath, KERNEL_CSP, securityHeaders } from "./security-headers";

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
    expect(nginxConf).toMatch(/add_header Content-Security-Policy \$content_security_policy always;/);
  });
});
