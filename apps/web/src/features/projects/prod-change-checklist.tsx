"use client";

import { Checkbox, Field, Fieldset, Textarea } from "@bulwark/ui";

const ENTERING_PROD = [
  "I am authorised to test this production agent with attacks.",
  "Every run will need a written reason, recorded in the audit log.",
  "Local and private agent addresses are no longer reachable for this project.",
];
const LEAVING_PROD = [
  "This project no longer points at a production agent.",
  "Runs will start without the production confirmation and reason.",
];

/** The confirmations an environment change into or out of prod asks for before it can be saved. */
export function prodChangeItems(from: string, to: string): string[] {
  if (from === to) return [];
  if (to === "prod") return ENTERING_PROD;
  return from === "prod" ? LEAVING_PROD : [];
}

interface ProdChangeChecklistProps {
  items: string[];
  checked: boolean[];
  onChange: (checked: boolean[]) => void;
  reason: string;
  onReasonChange: (reason: string) => void;
  reasonError: string | undefined;
}

/** The API asks for `prodOverride` ({ confirm, reason }) on this change; the reason is audited. */
export function ProdChangeChecklist({ items, checked, onChange, reason, onReasonChange, reasonError }: ProdChangeChecklistProps) {
  return (
    <div className="space-y-3 rounded-md border border-warning-200 bg-warning-50 p-4">
      <Fieldset legend="Confirm the production change" hint="Check every item to save.">
        {items.map((item, i) => (
          <Checkbox key={item} name={`prodCheck${i}`} label={item} checked={checked[i] ?? false} onChange={(event) => onChange(items.map((_, j) => (j === i ? event.target.checked : (checked[j] ?? false))))} />
        ))}
      </Fieldset>
      <Field label="Reason for the change" hint="At least 10 characters; recorded in the audit log." error={reasonError}>
        {(control) => <Textarea {...control} name="prodReason" rows={2} maxLength={500} value={reason} onChange={(event) => onReasonChange(event.target.value)} className="font-sans" />}
      </Field>
    </div>
  );
}
