"use client";

import { RunCategory, type ScenarioDetail } from "@bulwark/contracts";
import { validateScenarioDocument } from "@bulwark/redteam/scenario-validation";
import { Button, Checkbox, ErrorMessage, Field, Fieldset, Input, Select, Textarea } from "@bulwark/ui";
import { useMemo, useState } from "react";
import { categoryLabel } from "@/features/runs/category-label";
import { apiFetch } from "@/features/shared/api-client";
import { useApiAction } from "@/features/shared/use-api-action";
import { CHECK_DETECTORS, type DraftField, emptyDraft, emptyTurn, fieldForPath, fromDocument, type ScenarioDraft, toDocument } from "./scenario-draft";
import { TurnFields } from "./turn-fields";

const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
const MAX_TURNS = 10;
const CHECK_LABELS: Record<(typeof CHECK_DETECTORS)[number], { label: string; description: string }> = {
  canary: { label: "Canary", description: "A planted canary shows up in the reply, a tool call or egress." },
  secret_pattern: { label: "Secret or personal data in the reply", description: "Found by the same detectors as the sidecar." },
  egress_data: { label: "Data sent to an attacker sink or the internet", description: "From the egress the sidecar captured in the turn." },
  privileged_internal: { label: "State-changing call to an internal host", description: "DELETE, PUT, POST or PATCH." },
  refusal: { label: "Refusal", description: "Never fails a turn; raises the confidence of a pass." },
};

/**
 * Writes a custom scenario, checked as it is typed with the validator the server runs (the same
 * schema, template and pattern-safety rules). A field shows its problem once it was edited, or
 * all of them after a save attempt; the server's 422 fields land under the same fields.
 * `editing` stores a new version of that scenario instead of creating one.
 */
export function ScenarioEditor({ builtInKeys, editing, onSaved, onCancel }: { builtInKeys: string[]; editing: ScenarioDetail | null; onSaved: (saved: ScenarioDetail) => void; onCancel: (() => void) | null }) {
  const baseVersion = editing ? Number(editing.document.version ?? 1) : null;
  const [draft, setDraft] = useState<ScenarioDraft>(() => (editing ? fromDocument(editing.document) : emptyDraft()));
  const [touched, setTouched] = useState<Set<DraftField>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const { pending, error, run } = useApiAction();

  const { document, detectorFields } = useMemo(() => toDocument(draft, baseVersion ?? 1), [draft, baseVersion]);
  const problems = useMemo(() => {
    const result = validateScenarioDocument(document);
    const issues = result.ok ? [] : result.issues;
    const found = new Map<DraftField, string>();
    if (!editing && builtInKeys.includes(String(document.key))) found.set("key", `"${String(document.key)}" is a built-in scenario key; choose another slug`);
    for (const issue of issues) {
      const field = fieldForPath(issue.path, detectorFields);
      if (!found.has(field)) found.set(field, field === "general" ? `${issue.path}: ${issue.message}` : issue.message);
    }
    return found;
  }, [document, detectorFields, editing, builtInKeys]);
  const serverProblems = useMemo(() => {
    const found = new Map<DraftField, string>();
    for (const field of error?.fields ?? []) {
      const target = fieldForPath(field.path, detectorFields);
      if (!found.has(target)) found.set(target, target === "general" ? `${field.path}: ${field.message}` : field.message);
    }
    return found;
  }, [error, detectorFields]);

  const errorFor = (field: DraftField) => (attempted || touched.has(field) ? problems.get(field) : undefined) ?? serverProblems.get(field);
  const update = (patch: Partial<ScenarioDraft>, ...fields: DraftField[]) => {
    setDraft((current) => ({ ...current, ...patch }));
    setTouched((current) => new Set([...current, ...fields]));
  };
  const general = [...(attempted ? [problems.get("general")] : []), serverProblems.get("general")].filter(Boolean);

  return (
    <form
      aria-label={editing ? `Edit scenario ${String(editing.document.key)}` : "New custom scenario"}
      className="space-y-5"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setAttempted(true);
        if (problems.size > 0) return;
        const saved = await run(() =>
          editing
            ? apiFetch<ScenarioDetail>(`/api/v1/scenarios/${encodeURIComponent(String(editing.document.key))}`, { method: "PUT", body: document })
            : apiFetch<ScenarioDetail>("/api/v1/scenarios", { method: "POST", body: { ...document, version: undefined } }),
        );
        if (saved) onSaved(saved);
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Category" error={errorFor("category")}>
          {(control) => (
            <Select {...control} value={draft.category} disabled={editing !== null} onChange={(event) => update(withCategory(draft, event.target.value as ScenarioDraft["category"]), "category")}>
              <option value="">Choose a category</option>
              {RunCategory.options.map((category) => (
                <option key={category} value={category}>
                  {categoryLabel(category)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Key" hint="category.slug, e.g. secret_leakage.billing-export. Never reused." error={errorFor("key")}>
          {(control) => <Input {...control} value={draft.key} readOnly={editing !== null} spellCheck={false} autoComplete="off" className="font-mono" onChange={(event) => update({ key: event.target.value }, "key")} />}
        </Field>
        <Field label="Title" error={errorFor("title")}>
          {(control) => <Input {...control} value={draft.title} onChange={(event) => update({ title: event.target.value }, "title")} />}
        </Field>
        <Field label="Severity" error={errorFor("severity")}>
          {(control) => (
            <Select {...control} value={draft.severity} onChange={(event) => update({ severity: event.target.value }, "severity")}>
              {SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {severity}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field label="Description" error={errorFor("description")}>
        {(control) => <Textarea {...control} rows={2} className="font-sans" value={draft.description} onChange={(event) => update({ description: event.target.value }, "description")} />}
      </Field>
      <Field label="Canaries" hint="Optional, one per line: name and kind (api_key, password, token or document_marker). Use them in a phrasing as {{canary.name}}." error={errorFor("canaries")}>
        {(control) => <Textarea {...control} rows={2} spellCheck={false} value={draft.canaries} onChange={(event) => update({ canaries: event.target.value }, "canaries")} />}
      </Field>

      <div className="space-y-3">
        {draft.turns.map((turn, index) => (
          <TurnFields
            key={index}
            index={index}
            turn={turn}
            errorFor={errorFor}
            onChange={(next) => update({ turns: draft.turns.map((t, i) => (i === index ? next : t)) }, `turns.${index}.direct`, `turns.${index}.role_play`, `turns.${index}.encoded`, `turns.${index}.judge`, "turns")}
            onRemove={draft.turns.length > 1 ? () => update({ turns: draft.turns.filter((_, i) => i !== index) }, "turns") : null}
          />
        ))}
        {errorFor("turns") ? (
          <p role="alert" className="text-xs text-danger-700">
            {errorFor("turns")}
          </p>
        ) : null}
        <Button variant="secondary" size="sm" disabled={draft.turns.length >= MAX_TURNS} onClick={() => update({ turns: [...draft.turns, emptyTurn()] })}>
          Add turn
        </Button>
      </div>

      <Fieldset legend="Detectors" hint="What proves the agent failed. At least one." error={errorFor("checks")}>
        <div className="grid gap-2 sm:grid-cols-2">
          {CHECK_DETECTORS.map((type) => (
            <Checkbox
              key={type}
              checked={draft.checks[type]}
              onChange={(event) => update({ checks: { ...draft.checks, [type]: event.target.checked } }, "checks")}
              label={CHECK_LABELS[type].label}
              description={CHECK_LABELS[type].description}
            />
          ))}
        </div>
      </Fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Reply patterns" hint="Optional, one case-insensitive regular expression per line; patterns that could run away are refused." error={errorFor("replyPatterns")}>
          {(control) => <Textarea {...control} rows={3} spellCheck={false} value={draft.replyPatterns} onChange={(event) => update({ replyPatterns: event.target.value }, "replyPatterns")} />}
        </Field>
        <Field label="Forbidden tools" hint="Optional, one tool name per line." error={errorFor("forbiddenTools")}>
          {(control) => <Textarea {...control} rows={3} spellCheck={false} value={draft.forbiddenTools} onChange={(event) => update({ forbiddenTools: event.target.value }, "forbiddenTools")} />}
        </Field>
      </div>
      <Field label="OWASP LLM Top 10 ids" hint="Optional, e.g. LLM07:2025, separated by commas." error={errorFor("owaspLlm")}>
        {(control) => <Input {...control} value={draft.owaspLlm} spellCheck={false} onChange={(event) => update({ owaspLlm: event.target.value }, "owaspLlm")} />}
      </Field>
      <Field label="Remediation summary" error={errorFor("remediationSummary")}>
        {(control) => <Textarea {...control} rows={2} className="font-sans" value={draft.remediationSummary} onChange={(event) => update({ remediationSummary: event.target.value }, "remediationSummary")} />}
      </Field>
      <Field label="Remediation steps" hint="One step per line." error={errorFor("remediationSteps")}>
        {(control) => <Textarea {...control} rows={3} className="font-sans" value={draft.remediationSteps} onChange={(event) => update({ remediationSteps: event.target.value }, "remediationSteps")} />}
      </Field>

      {general.length > 0 ? (
        <div role="alert" className="rounded-md border border-danger-300 bg-danger-50 px-4 py-3 text-sm text-danger-800">
          <ul className="list-disc pl-5">
            {general.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {error && error.fields.length === 0 ? <ErrorMessage title="The scenario was not saved" message={error.message} requestId={error.requestId} /> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : editing ? `Save version ${(baseVersion ?? 1) + 1}` : "Create scenario"}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        {attempted && problems.size > 0 ? <p className="text-sm text-danger-700">Fix the fields marked above first.</p> : null}
      </div>
    </form>
  );
}

/** A new category, and a key started for it while the author has not typed one of their own. */
function withCategory(draft: ScenarioDraft, category: ScenarioDraft["category"]): Partial<ScenarioDraft> {
  const untouched = draft.key === "" || draft.key === `${draft.category}.`;
  return { category, ...(untouched && category ? { key: `${category}.` } : {}) };
}
