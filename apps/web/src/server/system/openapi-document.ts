import "server-only";
import { API_INFO, buildOpenApiDocument, operations } from "@bulwark/contracts";

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The OpenAPI 3.1 document, generated from packages/contracts once per process. */
export function getOpenApiDocument() {
  cached ??= buildOpenApiDocument(operations, API_INFO);
  return cached;
}
