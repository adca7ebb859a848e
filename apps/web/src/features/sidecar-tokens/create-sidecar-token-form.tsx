"use client";

import type { SidecarToken } from "@bulwark/contracts";
import { Button, ErrorMessage, Field, Input, OneTimeSecret, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/features/shared/api-client";
import { useApiAction } from "@/features/shared/use-api-action";

export type CreatedSidecarToken = SidecarToken & { token: string };

/**
 * Creates a sidecar token and shows its secret once. The parent keeps the created token (the
 * connect wizard fills it into the snippet) and drops it with `onDone`, so it leaves memory.
 */
export function CreateSidecarTokenForm({
  projectId,
  created,
  onCreated,
  onDone,
}: {
  projectId: string;
  created: CreatedSidecarToken | null;
  onCreated: (token: CreatedSidecarToken) => void;
  onDone?: () => void;
}) {
  const router = useRouter();
  const toast = useToast();
  const { pending, error, fieldError, run } = useApiAction();

  if (created) {
    return (
      <OneTimeSecret
        label="Sidecar token"
        value={created.token}
        copyLabel="Copy token"
        note="Bulwark stores only a hash of it. If you lose it, revoke this token and create a new one."
        actions={onDone ? <Button onClick={onDone}>Done</Button> : undefined}
      />
    );
  }
  return (
    <form
      aria-label="Create a sidecar token"
      className="flex flex-wrap items-end gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const name = String(new FormData(event.currentTarget).get("name") ?? "");
        const token = await run(() => apiFetch<CreatedSidecarToken>(`/api/v1/projects/${projectId}/sidecar-tokens`, { method: "POST", body: { name } }));
        if (!token) return;
        onCreated(token);
        toast(`Sidecar token “${token.name}” created.`, "success");
        router.refresh();
      }}
    >
      <div className="min-w-64 flex-1">
        <Field label="Token name" hint="Where the sidecar runs, e.g. “staging cluster”." error={fieldError("name")}>
          {(control) => <Input {...control} name="name" required maxLength={100} autoComplete="off" defaultValue="sidecar" />}
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create sidecar token"}
      </Button>
      {error && error.fields.length === 0 ? (
        <div className="w-full">
          <ErrorMessage title="The token was not created" message={error.message} requestId={error.requestId} />
        </div>
      ) : null}
    </form>
  );
}
