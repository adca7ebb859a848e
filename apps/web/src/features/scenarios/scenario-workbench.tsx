"use client";

import type { ScenarioDetail, ScenarioSummary } from "@bulwark/contracts";
import { Card, ErrorMessage, Section, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/features/shared/api-client";
import { ScenarioEditor } from "./scenario-editor";
import { ScenarioLibrary } from "./scenario-library";

/**
 * The scenario library, with the editor above it for those who may write scenarios
 * (`canEdit`: runs:write). Viewers get the library alone; the API refuses their writes anyway.
 */
export function ScenarioWorkbench({ scenarios, canEdit }: { scenarios: ScenarioSummary[]; canEdit: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [editing, setEditing] = useState<ScenarioDetail | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  // A new editor (fresh state) after each save or cancel.
  const [generation, setGeneration] = useState(0);
  const builtInKeys = scenarios.filter((scenario) => scenario.builtIn).map((scenario) => scenario.key);

  const edit = async (key: string) => {
    setLoadError(null);
    try {
      const detail = await apiFetch<ScenarioDetail>(`/api/v1/scenarios/${encodeURIComponent(key)}`);
      setEditing(detail);
      setGeneration((n) => n + 1);
    } catch (caught) {
      setLoadError(caught instanceof ApiError ? caught : new ApiError("The scenario could not be loaded.", 0, "network", undefined));
    }
  };
  const close = () => {
    setEditing(null);
    setGeneration((n) => n + 1);
  };

  return (
    <>
      {canEdit ? (
        <Section
          title={editing ? `New version of ${String(editing.document.key)}` : "New custom scenario"}
          description="Checked as you type with the rules the server applies. Runs pin the version they planned; older versions stay stored."
        >
          {loadError ? <ErrorMessage title="Could not open the scenario" message={loadError.message} requestId={loadError.requestId} /> : null}
          <Card>
            <ScenarioEditor
              key={generation}
              builtInKeys={builtInKeys}
              editing={editing}
              onCancel={editing ? close : null}
              onSaved={(saved) => {
                toast(`Saved ${String(saved.document.key)} version ${String(saved.document.version)}.`, "success");
                close();
                router.refresh();
              }}
            />
          </Card>
        </Section>
      ) : null}
      <Section title="Library" description="The built-in catalog and your organization's custom scenarios, latest version of each.">
        <ScenarioLibrary scenarios={scenarios} onEdit={canEdit ? (key) => void edit(key) : null} editingKey={editing ? String(editing.document.key) : null} />
      </Section>
    </>
  );
}
