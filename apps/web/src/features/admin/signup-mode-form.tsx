"use client";

import type { SignupMode, SignupModeSettings } from "@bulwark/contracts";
import { Button, Fieldset, Radio, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/features/shared/api-client";
import { SIGNUP_MODES } from "./signup-modes";

export function SignupModeForm({ mode }: { mode: SignupMode }) {
  const router = useRouter();
  const toast = useToast();
  const [value, setValue] = useState<SignupMode>(mode);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        try {
          const saved = await apiFetch<SignupModeSettings>("/api/v1/admin/signup-mode", { method: "PUT", body: { mode: value } });
          toast(`Sign-up is now ${SIGNUP_MODES.find((m) => m.value === saved.mode)?.label.toLowerCase() ?? saved.mode}.`, "success");
          router.refresh();
        } catch (caught) {
          toast(caught instanceof ApiError ? caught.message : "The sign-up mode could not be saved.", "error");
        } finally {
          setPending(false);
        }
      }}
    >
      <Fieldset legend="Who may create an account">
        <div className="grid gap-3 sm:grid-cols-3">
          {SIGNUP_MODES.map((option) => (
            <Radio
              key={option.value}
              name="mode"
              value={option.value}
              checked={value === option.value}
              onChange={() => setValue(option.value)}
              label={option.label}
              description={option.description}
              className="rounded-md border border-border p-3 has-checked:border-brand-600 has-checked:bg-brand-50"
            />
          ))}
        </div>
      </Fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending || value === mode}>
          {pending ? "Saving…" : "Save sign-up mode"}
        </Button>
        {value !== mode ? <span className="text-sm text-fg-muted">Unsaved change</span> : null}
      </div>
    </form>
  );
}
