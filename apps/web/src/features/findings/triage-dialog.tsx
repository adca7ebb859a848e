"use client";

import type { Finding, FindingStatus } from "@bulwark/contracts";
import { Button, Dialog, ErrorMessage, Field, Select, Textarea, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/features/shared/api-client";
import { useApiAction } from "@/features/shared/use-api-action";
import { FINDING_STATUSES, statusLabel } from "./finding-statuses";

/**
 * Sets a finding's triage status through PATCH /api/v1/findings/{id}, the call every client
 * makes (scope, audit and validation included). A reason is required here: the status change is
 * audited, and "false positive" carries forward to later runs, so the next reader needs the why.
 */
export function TriageDialog({ open, finding, onClose }: { open: boolean; finding: Finding; onClose: () => void }) {
  const router = useRouter();
  const toast = useToast();
  const { pending, error, fieldError, run } = useApiAction();
  return (
    <Dialog open={open} onClose={onClose} title={`Triage: ${finding.title}`} description={`Currently ${statusLabel(finding.status).toLowerCase()}. The change is recorded in the audit log.`}>
      <form
        aria-label="Triage finding"
        className="space-y-4"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const status = String(form.get("status")) as FindingStatus;
          const updated = await run(() => apiFetch<Finding>(`/api/v1/findings/${finding.id}`, { method: "PATCH", body: { status, note: String(form.get("note") ?? "") } }));
          if (!updated) return;
          toast(`Marked as ${statusLabel(updated.status).toLowerCase()}.`, "success");
          onClose();
          router.refresh();
        }}
      >
        <Field label="Status" error={fieldError("status")}>
          {(control) => (
            <Select {...control} name="status" defaultValue={finding.status}>
              {FINDING_STATUSES.map((status) => (
                <option key={status.value} value={status.value}>
                  {status.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Reason" hint="Why this status: it is kept with the finding and in the audit log." error={fieldError("note")}>
          {(control) => <Textarea {...control} name="note" required maxLength={2000} defaultValue={finding.triageNote ?? ""} />}
        </Field>
        {error && error.fields.length === 0 ? <ErrorMessage title="The finding was not triaged" message={error.message} requestId={error.requestId} /> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save triage"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
