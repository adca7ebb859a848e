"use client";

import type { Project } from "@bulwark/contracts";
import { Button, ErrorMessage, Field, Input, Select, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/features/shared/api-client";

export function CreateProjectForm() {
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const fieldError = (path: string) => error?.fields.find((f) => f.path === path)?.message;
  return (
    <form
      className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end"
      onSubmit={async (event) => {
        event.preventDefault();
        const formElement = event.currentTarget;
        const form = new FormData(formElement);
        setPending(true);
        setError(null);
        try {
          const project = await apiFetch<Project>("/api/v1/projects", {
            method: "POST",
            body: { name: String(form.get("name")), environment: String(form.get("environment")) },
          });
          formElement.reset();
          toast(`Project “${project.name}” created.`, "success");
          router.refresh();
        } catch (caught) {
          setError(caught instanceof ApiError ? caught : new ApiError("The request failed.", 0, "network", undefined));
        } finally {
          setPending(false);
        }
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
