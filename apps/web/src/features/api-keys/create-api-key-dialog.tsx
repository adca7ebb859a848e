"use client";

import type { ApiKey, Scope } from "@bulwark/contracts";
import { Button, Checkbox, Dialog, ErrorMessage, Field, Fieldset, Input, OneTimeSecret, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/features/shared/api-client";
import { SCOPE_DESCRIPTIONS } from "./scope-descriptions";

type CreatedApiKey = ApiKey & { key: string };

function tomorrow(): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

/** Creates a key with a subset of the caller's scopes, then shows its secret once. */
export function CreateApiKeyDialog({ availableScopes }: { availableScopes: readonly Scope[] }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [scopesMissing, setScopesMissing] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const fieldError = (path: string) => error?.fields.find((f) => f.path === path || f.path.startsWith(`${path}.`))?.message;
  const close = () => {
    // The secret leaves memory with the dialog: it is never shown again.
    setOpen(false);
    setCreated(null);
    setScopes([]);
    setError(null);
    setScopesMissing(false);
  };
  const toggle = (scope: Scope, on: boolean) => {
    setScopesMissing(false);
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>Create API key</Button>
      <Dialog
        open={open}
        onClose={close}
        title={created ? `Key “${created.name}” created` : "Create an API key"}
        description={created ? undefined : "A key acts with the scopes you give it; only scopes your role holds are offered. Send it as Authorization: Bearer <key>."}
      >
        {created ? (
          <OneTimeSecret
            label="API key"
            value={created.key}
            copyLabel="Copy key"
            note="Bulwark stores only a hash of it. If you lose it, revoke this key and create a new one."
            actions={<Button onClick={close}>Done</Button>}
          />
        ) : (
          <form
            className="space-y-5"
            noValidate
            onSubmit={async (event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              if (scopes.length === 0) return setScopesMissing(true);
              setScopesMissing(false);
              const expiry = String(form.get("expiresOn") ?? "");
              setPending(true);
              setError(null);
              try {
                const key = await apiFetch<CreatedApiKey>("/api/v1/api-keys", {
                  method: "POST",
                  body: {
                    name: String(form.get("name") ?? ""),
                    // Keep the order of the list, so the key reads the same as the form.
                    scopes: availableScopes.filter((scope) => scopes.includes(scope)),
                    // The end of the chosen day in the browser's time zone.
                    ...(expiry ? { expiresAt: new Date(`${expiry}T23:59:59`).toISOString() } : {}),
                  },
                });
                setCreated(key);
                toast(`API key “${key.name}” created.`, "success");
                router.refresh();
              } catch (caught) {
                setError(caught instanceof ApiError ? caught : new ApiError("The request failed.", 0, "network", undefined));
              } finally {
                setPending(false);
              }
            }}
          >
            <Field label="Name" hint="What uses it, e.g. “CI pipeline”." error={fieldError("name")}>
              {(control) => <Input {...control} name="name" required maxLength={100} autoComplete="off" />}
            </Field>
            <Fieldset legend="Scopes" error={scopesMissing ? "Choose at least one scope." : fieldError("scopes")}>
              <div className="flex gap-2">
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => {
                    setScopesMissing(false);
                    setScopes([...availableScopes]);
                  }}
                >
                  Select all
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setScopes([])}>
                  Clear
                </Button>
              </div>
              <div className="grid gap-x-4 gap-y-1.5 sm:grid-cols-2">
                {availableScopes.map((scope) => (
                  <Checkbox
                    key={scope}
                    name="scopes"
                    value={scope}
                    checked={scopes.includes(scope)}
                    onChange={(event) => toggle(scope, event.target.checked)}
                    label={<span className="font-mono text-xs">{scope}</span>}
                    description={SCOPE_DESCRIPTIONS[scope]}
                  />
                ))}
              </div>
            </Fieldset>
            <Field label="Expires on (optional)" hint="It stops working at the end of this day, your time." error={fieldError("expiresAt")}>
              {(control) => <Input {...control} name="expiresOn" type="date" min={tomorrow()} className="w-48" />}
            </Field>
            {error && error.fields.length === 0 ? <ErrorMessage title="The key was not created" message={error.message} requestId={error.requestId} /> : null}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close} disabled={pending}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? "Creating…" : "Create key"}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
