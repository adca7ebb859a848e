import type { FindingStatus } from "@bulwark/contracts";

/** Triage states in the order an operator moves through them, with what each one means. */
export const FINDING_STATUSES: { value: FindingStatus; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "confirmed", label: "Confirmed" },
  { value: "false_positive", label: "False positive" },
  { value: "accepted_risk", label: "Accepted risk" },
  { value: "fixed", label: "Fixed" },
];

export const statusLabel = (status: FindingStatus) => FINDING_STATUSES.find((entry) => entry.value === status)?.label ?? status;
