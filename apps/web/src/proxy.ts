import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/env";
import { getRequestId, REQUEST_ID_HEADER } from "@/server/http/request-id";
import { securityHeaders } from "@/server/http/security-headers";

// Runs before every page and API route: gives the request an id that the handler, the logs
// and the response share, and sets the security headers (with a per-request CSP nonce).
export function proxy(request: NextRequest) {
  const requestId = getRequestId(request.headers);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({
    nonce,
    isApi: request.nextUrl.pathname.startsWith("/api/"),
    https: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
    dev: env.NODE_ENV === "development",
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("x-nonce", nonce);
  // Next reads the CSP from the request to put the nonce on the scripts it renders.
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set("X-Request-Id", requestId);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
