"use client";

import type { AllowlistEntry } from "@bulwark/contracts";
import { Button, ErrorMessage, Field, Input, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/features/shared/api-client";
import { useApiAction } from "@/features/shared/use-api-action";

export function AllowlistForm() {
  const router = useRouter();
  const toast = useToast();
  const { pending, error, fieldError, run } = useApiAction();
  return (
    <form
      className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start"
      onSubmit={async (event) => {
        event.preventDefault();
        const formElement = event.currentTarget;
        const form = new FormData(formElement);
        const note = String(form.get("note") ?? "").trim();
        const entry = await run(() =>
          apiFetch<AllowlistEntry>("/api/v1/admin/allowlist", { method: "POST", body: { value: String(form.get("value") ?? ""), ...(note ? { note } : {}) } }),
        );
        if (!entry) return;
        formElement.reset();
        toast(`${entry.value} can now sign up.`, "success");
        router.refresh();
      }}
    >
      <Field label="Email address or domain" hint="ada@example.com admits one person; example.com admits that domain, not its subdomains." error={fieldError("value")}>
        {(control) => <Input {...control} name="value" required maxLength={254} autoComplete="off" spellCheck={false} placeholder="example.com" />}
      </Field>
      <Field label="Note (optional)" hint="Why they are on the list." error={fieldError("note")}>
        {(control) => <Input {...control} name="note" maxLength={200} autoComplete="off" placeholder="Design partner" />}
      </Field>
      <div className="sm:pt-6">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add to allowlist"}
        </Button>
      </div>
      {error && error.fields.length === 0 ? (
        <div className="sm:col-span-3">
          <ErrorMessage title="The entry was not added" message={error.message} requestId={error.requestId} />
        </div>
      ) : null}
    </form>
  );
}
