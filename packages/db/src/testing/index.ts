export { createTestOrg, type TestOrg, type TestRole } from "./create-test-org";
export { startTestDatabaseServer } from "./test-database";
