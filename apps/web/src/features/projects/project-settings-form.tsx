"use client";

import type { Project, ProjectEnvironment, UpdateProjectInput } from "@bulwark/contracts";
import { Button, Checkbox, ErrorMessage, Field, Fieldset, Input, Radio, Textarea, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/features/shared/api-client";
import { useApiAction } from "@/features/shared/use-api-action";
import { ProdChangeChecklist, prodChangeItems } from "./prod-change-checklist";

const ENVIRONMENTS: { value: ProjectEnvironment; label: string; description: string }[] = [
  { value: "sandbox", label: "Sandbox", description: "A test agent; may reach local addresses." },
  { value: "staging", label: "Staging", description: "A pre-release agent." },
  { value: "prod", label: "Production", description: "Real users; every run needs a reason." },
];

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * The project's settings through PATCH /api/v1/projects/{id}. Only changed fields are sent, so
 * saving the name does not bump the sidecar's configuration version. Moving into or out of
 * production asks for a checklist and a reason first, which the API requires as `prodOverride`.
 */
export function ProjectSettingsForm({ project }: { project: Project }) {
  const router = useRouter();
  const toast = useToast();
  const { pending, error, fieldError, run } = useApiAction();
  const [environment, setEnvironment] = useState<ProjectEnvironment>(project.environment);
  const checklist = prodChangeItems(project.environment, environment);
  const [checked, setChecked] = useState<boolean[]>([]);
  const [reason, setReason] = useState("");
  const confirmed = checklist.length === 0 || (checklist.every((_, i) => checked[i]) && reason.trim().length >= 10);
  const listError = (path: string) => fieldError(path) ?? error?.fields.find((field) => field.path.startsWith(`${path}.`))?.message;

  return (
    <form
      aria-label="Project settings"
      className="space-y-5"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const text = (name: string) => String(form.get(name) ?? "").trim();
        const toolDomains = lines(text("toolDomains"));
        const internalHostSuffixes = lines(text("internalHostSuffixes"));
        const retentionDays = Number(text("retentionDays"));
        const sinkhole = form.get("sinkhole") === "on";
        const body: UpdateProjectInput = {
          ...(text("name") !== project.name ? { name: text("name") } : {}),
          ...(text("description") !== (project.description ?? "") ? { description: text("description") || null } : {}),
          ...(environment !== project.environment ? { environment } : {}),
          ...(!sameList(toolDomains, project.toolDomains) ? { toolDomains } : {}),
          ...(!sameList(internalHostSuffixes, project.internalHostSuffixes) ? { internalHostSuffixes } : {}),
          ...(retentionDays !== project.retentionDays ? { retentionDays } : {}),
          ...(sinkhole !== project.sinkhole ? { sinkhole } : {}),
          ...(checklist.length > 0 ? { prodOverride: { confirm: true, reason: reason.trim() } } : {}),
        };
        if (!Object.keys(body).some((key) => key !== "prodOverride")) return toast("Nothing to save: no setting changed.", "info");
        const saved = await run(() => apiFetch<Project>(`/api/v1/projects/${project.id}`, { method: "PATCH", body }));
        if (!saved) return;
        setChecked([]);
        setReason("");
        toast("Project settings saved.", "success");
        router.refresh();
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" error={fieldError("name")}>
          {(control) => <Input {...control} name="name" required maxLength={100} defaultValue={project.name} />}
        </Field>
        <Field label="Retention (days)" hint="Captured events and runs older than this are deleted." error={fieldError("retentionDays")}>
          {(control) => <Input {...control} name="retentionDays" type="number" inputMode="numeric" required min={1} max={3650} step={1} defaultValue={project.retentionDays} />}
        </Field>
      </div>
      <Field label="Description" error={fieldError("description")}>
        {(control) => <Textarea {...control} name="description" rows={2} maxLength={1000} defaultValue={project.description ?? ""} className="font-sans" />}
      </Field>
      <Fieldset legend="Environment" error={fieldError("environment")}>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {ENVIRONMENTS.map((option) => (
            <Radio
              key={option.value}
              name="environment"
              value={option.value}
              checked={environment === option.value}
              onChange={() => {
                setEnvironment(option.value);
                setChecked([]);
              }}
              label={option.label}
              description={option.description}
            />
          ))}
        </div>
      </Fieldset>
      {checklist.length > 0 ? (
        <ProdChangeChecklist items={checklist} checked={checked} onChange={setChecked} reason={reason} onReasonChange={setReason} reasonError={fieldError("prodOverride.reason")} />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Tool domains" hint="One host per line: the agent's own tools. Calls to them are expected, not exfiltration." error={listError("toolDomains")}>
          {(control) => <Textarea {...control} name="toolDomains" rows={4} defaultValue={project.toolDomains.join("\n")} />}
        </Field>
        <Field label="Internal host suffixes" hint="One per line, e.g. .internal: privileged calls to these hosts are findings." error={listError("internalHostSuffixes")}>
          {(control) => <Textarea {...control} name="internalHostSuffixes" rows={4} defaultValue={project.internalHostSuffixes.join("\n")} />}
        </Field>
      </div>
      <Checkbox
        name="sinkhole"
        defaultChecked={project.sinkhole}
        label="Sinkhole the agent's egress"
        description="The sidecar answers outbound calls itself, so nothing the agent sends leaves the sandbox. Applied at the sidecar's next heartbeat."
      />
      {error && error.fields.length === 0 ? <ErrorMessage title="The settings were not saved" message={error.message} requestId={error.requestId} /> : null}
      <Button type="submit" disabled={pending || !confirmed}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
