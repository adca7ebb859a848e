"use client";

import type { CreateRunInput, Run, ScenarioSummary } from "@bulwark/contracts";
import { Button, Checkbox, ErrorMessage, Field, Fieldset, Radio, Textarea } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/features/shared/api-client";
import { useApiAction } from "@/features/shared/use-api-action";
import { type BudgetDraft, BudgetFields, EMPTY_BUDGET, parseBudget } from "./budget-fields";
import { RunEstimatePanel } from "./run-estimate-panel";
import { ScenarioPicker, type ScenarioSelection } from "./scenario-picker";
import { useRunEstimate } from "./use-run-estimate";

const INTENSITIES = [
  { value: "low", label: "Low", description: "Direct phrasings only." },
  { value: "medium", label: "Medium", description: "Adds role-play phrasings." },
  { value: "high", label: "High", description: "Adds encoded phrasings." },
] as const;

/**
 * Starts a run and opens it live. The estimate of what the selection costs, and whether it fits
 * the organization's limits, follows the form as it changes; a selection that would be refused
 * cannot be started (the server refuses it anyway). A production project asks for an explicit
 * confirmation and a reason first: the API refuses without them, and the audit log records both.
 */
export function RunLauncher({ projectId, prod, scenarios }: { projectId: string; prod: boolean; scenarios: ScenarioSummary[] }) {
  const router = useRouter();
  const { pending, error, fieldError, run } = useApiAction();
  const [selection, setSelection] = useState<ScenarioSelection>({ categories: [], scenarioKeys: [] });
  const [intensity, setIntensity] = useState<CreateRunInput["intensity"]>("medium");
  const [budgetDraft, setBudgetDraft] = useState<BudgetDraft>(EMPTY_BUDGET);
  const [confirmed, setConfirmed] = useState(false);
  const [reason, setReason] = useState("");

  const { budget, errors: budgetErrors } = parseBudget(budgetDraft);
  const budgetValid = Object.keys(budgetErrors).length === 0;
  const input: CreateRunInput | null = budgetValid
    ? {
        intensity,
        ...(selection.categories.length > 0 ? { categories: selection.categories } : {}),
        ...(selection.scenarioKeys.length > 0 ? { scenarioKeys: selection.scenarioKeys } : {}),
        ...(budget ? { budget } : {}),
      }
    : null;
  const estimate = useRunEstimate(projectId, input);
  const known = estimate.status === "ready" ? estimate.estimate : estimate.status === "loading" ? estimate.previous : null;
  const overQuota = known !== null && !known.fits;
  const overrideReady = !prod || (confirmed && reason.trim().length >= 10);
  const serverBudgetError = (name: string) => fieldError(`budget.${name}`);

  return (
    <form
      aria-label="Start a run"
      className="space-y-5"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!input) return;
        const body: CreateRunInput = { ...input, ...(prod ? { prodOverride: { confirm: true, reason: reason.trim() } } : {}) };
        const created = await run(() => apiFetch<Run>(`/api/v1/projects/${projectId}/runs`, { method: "POST", body }));
        if (created) router.push(`/runs/${created.id}`);
      }}
    >
      <ScenarioPicker scenarios={scenarios} value={selection} onChange={setSelection} error={fieldError("scenarioKeys") ?? fieldError("categories")} />
      <Fieldset legend="Intensity" error={fieldError("intensity")}>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {INTENSITIES.map((option) => (
            <Radio
              key={option.value}
              name="intensity"
              value={option.value}
              checked={intensity === option.value}
              onChange={() => setIntensity(option.value)}
              label={option.label}
              description={option.description}
            />
          ))}
        </div>
      </Fieldset>
      <BudgetFields
        draft={budgetDraft}
        onChange={setBudgetDraft}
        errors={{
          maxTurns: budgetErrors.maxTurns ?? serverBudgetError("maxTurns"),
          maxAgentCalls: budgetErrors.maxAgentCalls ?? serverBudgetError("maxAgentCalls"),
          maxRuntimeSeconds: budgetErrors.maxRuntimeSeconds ?? serverBudgetError("maxRuntimeSeconds"),
          maxCostUsd: budgetErrors.maxCostUsd ?? serverBudgetError("maxCostUsd"),
        }}
      />
      <RunEstimatePanel state={estimate} />
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
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || !overrideReady || !input || overQuota}>
          {pending ? "Starting…" : "Start run"}
        </Button>
        {overQuota ? <p className="text-sm text-danger-700">Over a limit: see the estimate above.</p> : null}
      </div>
    </form>
  );
}
