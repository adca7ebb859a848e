import type { AllowlistEntry as AllowlistEntryDto } from "@bulwark/contracts";
import type { AllowlistEntry } from "@bulwark/db";

export function toAllowlistEntryDto(entry: AllowlistEntry & { createdBy: { id: string; email: string } | null }): AllowlistEntryDto {
  return {
    id: entry.id,
    kind: entry.kind === "EMAIL" ? "email" : "domain",
    value: entry.value,
    note: entry.note,
    createdBy: entry.createdBy ? { id: entry.createdBy.id, email: entry.createdBy.email } : null,
    createdAt: entry.createdAt.toISOString(),
  };
}
