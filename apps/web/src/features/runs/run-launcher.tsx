"use client";

import type { CreateRunInput, Run, RunCategory } from "@bulwark/contracts";
import { Button, Checkbox, ErrorMessage, Field, Fieldset, Input, Radio, Textarea } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/features/shared/api-client";
import { useApiAction } from "@/features/shared/use-api-action";
import { categoryLabel } from "./category-label";

const INTENSITIES = [
  { value: "low", label: "Low", description: "Direct phrasings only." },
  { value: "medium", label: "Medium", description: "Adds role-play phrasings." },
  { value: "high", label: "High", description: "Adds encoded phrasings." },
] as const;

/**
 * Starts a run and opens it live. A production project asks for an explicit confirmation and a
 * reason first: the API refuses without them, and the audit log records both.
 */
export function RunLauncher({ projectId, prod, categories }: { projectId: string; prod: boolean; categories: { category: RunCategory; scenarios: number }[] }) {
  const router = useRouter();
  const { pending, error, fieldError, run } = useApiAction();
  const [confirmed, setConfirmed] = useState(false);
  const [reason, setReason] = useState("");
  const overrideReady = !prod || (confirmed && reason.trim().length >= 10);

  return (
    <form
      aria-label="Start a run"
      className="space-y-5"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const chosen = form.getAll("categories").map(String) as RunCategory[];
        const maxTurns = String(form.get("maxTurns") ?? "").trim();
        const body: CreateRunInput = {
          intensity: String(form.get("intensity")) as CreateRunInput["intensity"],
          ...(chosen.length > 0 ? { categories: chosen } : {}),
          ...(maxTurns ? { budget: { maxTurns: Number(maxTurns) } } : {}),
          ...(prod ? { prodOverride: { confirm: true, reason: reason.trim() } } : {}),
        };
        const created = await run(() => apiFetch<Run>(`/api/v1/projects/${projectId}/runs`, { method: "POST", body }));
        if (created) router.push(`/runs/${created.id}`);
      }}
    >
      <Fieldset legend="Categories" hint="Leave all unchecked to run the whole catalog." error={fieldError("categories")}>
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {categories.map(({ category, scenarios }) => (
            <Checkbox key={category} name="categories" value={category} label={categoryLabel(category)} description={`${scenarios} scenario${scenarios === 1 ? "" : "s"}`} />
          ))}
        </div>
      </Fieldset>
      <div className="grid gap-5 sm:grid-cols-[1fr_14rem]">
        <Fieldset legend="Intensity" error={fieldError("intensity")}>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {INTENSITIES.map((intensity) => (
              <Radio key={intensity.value} name="intensity" value={intensity.value} defaultChecked={intensity.value === "medium"} label={intensity.label} description={intensity.description} />
            ))}
          </div>
        </Fieldset>
        <Field label="Budget: max turns" hint="Optional; your plan's limits apply too." error={fieldError("budget.maxTurns")}>
          {(control) => <Input {...control} name="maxTurns" type="number" inputMode="numeric" min={1} max={10_000} step={1} />}
        </Field>
      </div>
      {prod ? (
        <div className="space-y-3 rounded-md border border-warning-200 bg-warning-50 p-4">
          <p className="text-sm font-semibold text-warning-800">This project is in production</p>
          <Checkbox
            name="confirm"
            checked={confirmed}
            onChange={(event) => setConfirmed(event.target.checked)}
            label="I confirm this run attacks the production agent"
            description="Real users may share it; the override is recorded in the audit log."
          />
          <Field label="Reason for testing production" hint="At least 10 characters." error={fieldError("prodOverride.reason")}>
            {(control) => <Textarea {...control} name="reason" rows={2} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} className="font-sans" />}
          </Field>
        </div>
      ) : null}
      {error && error.fields.length === 0 ? <ErrorMessage title="The run did not start" message={error.message} requestId={error.requestId} /> : null}
      <Button type="submit" disabled={pending || !overrideReady}>
        {pending ? "Starting…" : "Start run"}
      </Button>
    </form>
  );
}
