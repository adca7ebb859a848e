"use client";

import type { AcceptedInvitation } from "@bulwark/contracts";
import { TokenAction } from "./token-action";
import { switchOrganization } from "./actions";

export function AcceptInvitation({ token }: { token: string }) {
  return (
    <TokenAction
      path="/api/v1/invitations/accept"
      token={token}
      label="Accept the invitation"
      done="You have joined. Opening the organization…"
      onDone={async (result) => {
        await switchOrganization((result as AcceptedInvitation).organization.id);
      }}
    />
  );
}
