"use client";

import type { CreatedInvitation, Role } from "@bulwark/contracts";
import { Button, ErrorMessage, Field, formatDateTime, Input, OneTimeSecret, Select, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/features/shared/api-client";
import { useApiAction } from "@/features/shared/use-api-action";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, withArticle } from "./roles";

/** Invites by email; the accept link is shown here once, since email delivery may not be set up. */
export function InviteMemberForm({ roles }: { roles: Role[] }) {
  const router = useRouter();
  const toast = useToast();
  const { pending, error, fieldError, run } = useApiAction();
  const [role, setRole] = useState<Role>(roles.includes("member") ? "member" : roles[0]!);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  return (
    <div className="space-y-4">
      <form
        className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start"
        onSubmit={async (event) => {
          event.preventDefault();
          const formElement = event.currentTarget;
          const email = String(new FormData(formElement).get("email") ?? "");
          const invitation = await run(() => apiFetch<CreatedInvitation>("/api/v1/invitations", { method: "POST", body: { email, role } }));
          if (!invitation) return;
          formElement.reset();
          setCreated(invitation);
          toast(`Invitation for ${invitation.email} created.`, "success");
          router.refresh();
        }}
      >
        <Field label="Email address" error={fieldError("email")}>
          {(control) => <Input {...control} name="email" type="email" required maxLength={254} autoComplete="off" placeholder="dana@example.com" />}
        </Field>
        <Field label="Role" hint={ROLE_DESCRIPTIONS[role]} error={fieldError("role")}>
          {(control) => (
            <Select {...control} name="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {roles.map((option) => (
                <option key={option} value={option}>
                  {ROLE_LABELS[option]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {/* The label's height keeps the button level with the inputs. */}
        <div className="sm:pt-6">
          <Button type="submit" disabled={pending}>
            {pending ? "Inviting…" : "Invite"}
          </Button>
        </div>
        {error && error.fields.length === 0 ? (
          <div className="sm:col-span-3">
            <ErrorMessage title="The invitation was not created" message={error.message} requestId={error.requestId} />
          </div>
        ) : null}
      </form>
      {created ? (
        <div className="rounded-md border border-border p-4">
          <OneTimeSecret
            label="Invitation link"
            value={created.acceptUrl}
            copyLabel="Copy link"
            note={`Send this link to ${created.email}; it makes them ${withArticle(created.role)}. It works once and expires on ${formatDateTime(created.expiresAt)}.`}
            actions={
              <Button variant="secondary" onClick={() => setCreated(null)}>
                Done
              </Button>
            }
          />
        </div>
      ) : null}
    </div>
  );
}
