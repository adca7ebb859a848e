import type { AnyOperation } from "../operation";
import { getHealth, getOpenApiDocument, getReady } from "./system";

export * from "./system";

/** Every REST operation. The OpenAPI document, the route-coverage test and the SDK read this list. */
export const operations: readonly AnyOperation[] = [getHealth, getReady, getOpenApiDocument];
