import type { FindingStatus } from "@bulwark/db";

/** Triage states that still need someone: false positives, accepted risks and fixes do not. */
export const OPEN_FINDING_STATUSES: FindingStatus[] = ["OPEN", "CONFIRMED"];
