import "server-only";
import { buildOpenApiDocument, operations } from "@bulwark/contracts";
import { env } from "@/env";

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The OpenAPI 3.1 document, generated from packages/contracts once per process. */
export function getOpenApiDocument() {
  cached ??= buildOpenApiDocument(operations, {
    title: "Bulwark API",
    version: env.BULWARK_VERSION,
    description:
      "Test and govern AI agents: organizations, projects, runs, findings and egress evidence. Every error uses one envelope: `{ error: { code, message, requestId, details? } }`.",
  });
  return cached;
}
