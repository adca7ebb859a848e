"use client";

import type { Member, Role } from "@bulwark/contracts";
import { Button, ConfirmDialog, Select, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ApiError, apiFetch } from "@/features/shared/api-client";
import { ROLE_LABELS } from "./roles";

/**
 * A member's role with a Save button, rather than saving on change: keyboard users move through
 * a closed select's options with the arrow keys, which must not fire a request per option.
 */
export function MemberRoleSelect({ membershipId, email, role, options, isSelf }: { membershipId: string; email: string; role: Role; options: Role[]; isSelf: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [value, setValue] = useState<Role>(role);
  const [saving, setSaving] = useState(false);
  // Until the refreshed page arrives, the row stays busy rather than offering Save again.
  const [refreshing, startRefresh] = useTransition();
  const pending = saving || refreshing;
  const [confirming, setConfirming] = useState(false);
  const save = async () => {
    const updated = await apiFetch<Member>(`/api/v1/members/${membershipId}`, { method: "PATCH", body: { role: value } });
    toast(isSelf ? `You are now ${ROLE_LABELS[updated.role].toLowerCase()}.` : `${email} is now ${ROLE_LABELS[updated.role].toLowerCase()}.`, "success");
    startRefresh(() => router.refresh());
  };
  return (
    <div className="flex items-center gap-2">
      <div className="w-32 shrink-0">
        <Select aria-label={`Role of ${email}`} value={value} disabled={pending} onChange={(event) => setValue(event.target.value as Role)}>
          {options.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </Select>
      </div>
      {value !== role ? (
        <>
          <Button
            variant="secondary"
            disabled={pending}
            onClick={async () => {
              // Lowering your own role cannot be undone by yourself: ask first.
              if (isSelf) return setConfirming(true);
              setSaving(true);
              try {
                await save();
              } catch (caught) {
                toast(caught instanceof ApiError ? caught.message : "The role could not be changed.", "error");
                setValue(role);
              } finally {
                setSaving(false);
              }
            }}
          >
            {pending ? "Saving…" : "Save"}
          </Button>
          <Button variant="ghost" disabled={pending} onClick={() => setValue(role)}>
            Cancel
          </Button>
        </>
      ) : null}
      {isSelf ? (
        <ConfirmDialog
          open={confirming}
          onClose={() => setConfirming(false)}
          title="Lower your own role?"
          description={`You will become ${ROLE_LABELS[value].toLowerCase()} at once, and only someone with a higher role can raise you again.`}
          confirmLabel={`Become ${ROLE_LABELS[value].toLowerCase()}`}
          pendingLabel="Saving…"
          onConfirm={save}
        />
      ) : null}
    </div>
  );
}
