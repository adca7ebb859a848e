"use client";

import type { Organization } from "@bulwark/contracts";
import { Button, ErrorMessage, Field, Input } from "@bulwark/ui";
import { useState } from "react";
import { switchOrganization } from "@/features/auth/actions";
import { ApiError, apiFetch } from "@/features/shared/api-client";

export function CreateOrganizationForm() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <form
      className="space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        const name = String(new FormData(event.currentTarget).get("name") ?? "");
        setPending(true);
        setError(null);
        try {
          const org = await apiFetch<Organization>("/api/v1/organizations", { method: "POST", body: { name } });
          await switchOrganization(org.id);
        } catch (caught) {
          // switchOrganization ends in a redirect, which Next delivers as a thrown signal.
          if (!(caught instanceof ApiError)) throw caught;
          setError(caught);
          setPending(false);
        }
      }}
    >
      <Field label="Organization name" error={error?.fields.find((f) => f.path === "name")?.message}>
        {(control) => <Input {...control} name="name" required maxLength={100} placeholder="Acme Security" />}
      </Field>
      {error && error.fields.length === 0 ? <ErrorMessage message={error.message} requestId={error.requestId} /> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
