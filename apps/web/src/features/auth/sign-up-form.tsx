"use client";

import type { SignUpResult } from "@bulwark/contracts";
import { Button, ErrorMessage, Field, Input } from "@bulwark/ui";
import Link from "next/link";
import { useState } from "react";
import { apiFetch } from "@/features/shared/api-client";
import { useApiAction } from "@/features/shared/use-api-action";

export function SignUpForm({ invitationToken }: { invitationToken?: string | undefined }) {
  const { pending, error, fieldError, run } = useApiAction();
  const [result, setResult] = useState<SignUpResult | null>(null);

  if (result) {
    return result.status === "pending_verification" ? (
      <p role="status">Check your inbox: we sent a link to confirm your address. Sign in once you have used it.</p>
    ) : (
      <p role="status">
        Your account is ready.{" "}
        {/* An invitation token was used by the sign-up itself: the membership already exists. */}
        <Link className="text-brand-700 underline" href="/sign-in">
          Sign in
        </Link>
        .
      </p>
    );
  }

  return (
    <form
      className="space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const created = await run(() =>
          apiFetch<SignUpResult>("/api/v1/auth/sign-up", {
            method: "POST",
            body: {
              email: String(form.get("email")),
              password: String(form.get("password")),
              ...(form.get("name") ? { name: String(form.get("name")) } : {}),
              ...(invitationToken ? { invitationToken } : {}),
            },
          }),
        );
        if (created) setResult(created);
      }}
    >
      <Field label="Name" error={fieldError("name")}>{(control) => <Input {...control} name="name" autoComplete="name" />}</Field>
      <Field label="Email" error={fieldError("email")}>{(control) => <Input {...control} name="email" type="email" autoComplete="email" required />}</Field>
      <Field label="Password" hint="At least 12 characters. A few unrelated words work well." error={fieldError("password")}>
        {(control) => <Input {...control} name="password" type="password" autoComplete="new-password" minLength={12} maxLength={128} required />}
      </Field>
      {error && error.fields.length === 0 ? <ErrorMessage title="Could not create the account" message={error.message} requestId={error.requestId} /> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create account"}
      </Button>
    </form>
  );
}
