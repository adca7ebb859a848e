// The ids module only, not the db package root: this runs in the proxy, which must not load Prisma.
import { newId } from "@bulwark/db/ids";

// A caller-supplied id is kept (so a proxy's trace id flows through) only when it is short and
// plain; anything else could smuggle content into logs.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export const REQUEST_ID_HEADER = "x-request-id";

export function getRequestId(headers: Headers): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : newId("request");
}
