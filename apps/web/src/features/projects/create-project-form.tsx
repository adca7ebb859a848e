"use client";

import type { Project } from "@bulwark/contracts";
import { Button, ErrorMessage, Field, Input, Select, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/features/shared/api-client";
import { useApiAction } from "@/features/shared/use-api-action";

export function CreateProjectForm() {
  const router = useRouter();
  const toast = useToast();
  const { pending, error, fieldError, run } = useApiAction();
  return (
    <form
      className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end"
      onSubmit={async (event) => {
        event.preventDefault();
        const formElement = event.currentTarget;
        const form = new FormData(formElement);
        const project = await run(() =>
          apiFetch<Project>("/api/v1/projects", {
            method: "POST",
            body: { name: String(form.get("name")), environment: String(form.get("environment")) },
          }),
        );
        if (!project) return;
        formElement.reset();
        toast(`Project “${project.name}” created.`, "success");
        router.refresh();
      }}
    >
      <Field label="Project name" error={fieldError("name")}>{(control) => <Input {...control} name="name" required maxLength={100} />}</Field>
      <Field label="Environment" error={fieldError("environment")}>
        {(control) => (
          <Select {...control} name="environment" defaultValue="sandbox">
            <option value="sandbox">Sandbox</option>
            <option value="staging">Staging</option>
            <option value="prod">Production</option>
          </Select>
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create project"}
      </Button>
      {error && error.fields.length === 0 ? (
        <div className="sm:col-span-3">
          <ErrorMessage message={error.message} requestId={error.requestId} />
        </div>
      ) : null}
    </form>
  );
}
