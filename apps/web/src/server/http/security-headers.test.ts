import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

describe("securityHeaders", () => {
  const base = { nonce: "abc123", isApi: false, https: false, dev: false };

  it("forbids framing, sniffing and referrer leaks on every response", () => {
    const headers = securityHeaders(base);
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
  });

  it("sends HSTS only over https", () => {
    expect(securityHeaders(base)["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ ...base, https: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
  });

  it("allows only nonce'd scripts on pages, and eval only in development", () => {
    const csp = contentSecurityPolicy(base);
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy({ ...base, dev: true })).toContain("'unsafe-eval'");
  });

  it("gives API responses a CSP that allows nothing", () => {
    expect(contentSecurityPolicy({ ...base, isApi: true })).toMatch(/^default-src 'none'/);
  });
});
