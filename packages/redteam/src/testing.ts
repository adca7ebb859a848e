// Test helpers for other packages' tests (`@bulwark/redteam/testing`): never imported by app code.
export { checkWellFormedXml } from "./reports/testing/check-well-formed-xml";
export { sarifSchemaErrors } from "./reports/testing/sarif-schema-errors";
