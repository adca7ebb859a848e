import type { AnyOperation } from "../operation";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys";
import { createProject, deleteProject, getProject, listProjects, updateProject } from "./projects";
import { getHealth, getOpenApiDocument, getReady } from "./system";

export * from "./api-keys";
export * from "./projects";
export * from "./system";

/** Every REST operation. The OpenAPI document, the route-coverage test and the SDK read this list. */
export const operations: readonly AnyOperation[] = [
  getHealth,
  getReady,
  getOpenApiDocument,
  createProject,
  listProjects,
  getProject,
  updateProject,
  deleteProject,
  createApiKey,
  listApiKeys,
  revokeApiKey,
];
