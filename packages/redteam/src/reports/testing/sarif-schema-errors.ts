import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

let validate: ValidateFunction | undefined;

/**
 * Checks a SARIF log against the SARIF 2.1.0 schema committed beside the renderer:
 * `sarif-2.1.0.json` from @microsoft/sarif-multitool-linux@5.7.0 (Microsoft's SARIF SDK, the TC's
 * reference tooling; see the package README, "SARIF schema"). It declares JSON Schema 2020-12,
 * hence Ajv2020. Returns the schema errors as JSON, or null when the log is valid. For tests
 * only: Ajv is a dev dependency.
 */
export function sarifSchemaErrors(log: unknown): string | null {
  if (!validate) {
    const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "sarif-schema-2.1.0.json"), "utf8"));
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(schema);
  }
  return validate(log) ? null : JSON.stringify(validate.errors, null, 2);
}
