// npm run docs:api — rewrites API.md from the OpenAPI document.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { API_INFO, buildOpenApiDocument, operations, renderApiMarkdown } from "@bulwark/contracts";

const target = path.join(import.meta.dirname, "..", "API.md");
writeFileSync(target, renderApiMarkdown(buildOpenApiDocument(operations, API_INFO)));
console.log(`wrote ${path.relative(process.cwd(), target)}`);
