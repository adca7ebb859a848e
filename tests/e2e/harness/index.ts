// The browser-test harness: import everything a *.e2e.test.ts needs from here.
export { test, screenshot, e2eContext } from "./fixtures";
export { PASSWORD, uniqueEmail, uniqueSuffix, signUp, signIn, signUpAndSignIn, acceptInvitation, createOrganization, fetchInPage, type Credentials } from "./flows";
export { bootstrapOwner, apiWithKey, makePlatformAdmin } from "./api";
export { startLiveRun, egressEvent, ingestAsSidecar, type LiveRunSetup } from "./live-run";
