export interface SecurityHeaderOptions {
  /** Per-request nonce that Next attaches to its inline scripts. */
  nonce: string;
  /** API responses get a CSP that allows nothing at all. */
  isApi: boolean;
  /** The request arrived over https (directly or via a trusted proxy's X-Forwarded-Proto). */
  https: boolean;
  /** Next's dev server needs eval for fast refresh. */
  dev: boolean;
}

export function contentSecurityPolicy({ nonce, isApi, dev }: Omit<SecurityHeaderOptions, "https">): string {
  if (isApi) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Next and recharts set inline style attributes; styles cannot execute code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers every response carries. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // HSTS only means something over https; sent over http it would be ignored at best.
    ...(options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
