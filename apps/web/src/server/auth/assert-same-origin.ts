import { forbidden } from "@bulwark/contracts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery guard for cookie-authenticated mutations. Browsers send
 * `Sec-Fetch-Site` on every request; older ones at least send `Origin` on cross-origin POSTs.
 * A mutation is accepted only when one of them says it came from this origin. API-key callers
 * do not need this: a browser never attaches their credential on its own.
 */
export function assertSameOrigin(req: Request, publicOrigin: string | undefined): void {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site) {
    if (site === "same-origin") return;
    throw forbidden("Cross-site request refused.");
  }
  const origin = req.headers.get("origin");
  const expected = publicOrigin ?? new URL(req.url).origin;
  if (origin && origin === expected) return;
  throw forbidden("Cross-site request refused: the request has no same-origin Origin header.");
}
