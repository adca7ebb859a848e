import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderApiMarkdown } from "./api-markdown";
import { API_INFO, buildOpenApiDocument } from "./openapi";
import { operations } from "./operations";

describe("API.md", () => {
  it("is up to date with the OpenAPI document (run `npm run docs:api` after changing an operation)", () => {
    const committed = readFileSync(path.join(import.meta.dirname, "../../../API.md"), "utf8");
    expect(committed).toBe(renderApiMarkdown(buildOpenApiDocument(operations, API_INFO)));
  });

  it("documents every operation", () => {
    const markdown = renderApiMarkdown(buildOpenApiDocument(operations, API_INFO));
    for (const op of operations) expect(markdown).toContain(`\`${op.method} ${op.path}\``);
  });
});
