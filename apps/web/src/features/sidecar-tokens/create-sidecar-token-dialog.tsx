"use client";

import { Button, Dialog } from "@bulwark/ui";
import { useState } from "react";
import { type CreatedSidecarToken, CreateSidecarTokenForm } from "./create-sidecar-token-form";

/** The tokens page's way to create one: a dialog that shows the secret once, then forgets it. */
export function CreateSidecarTokenDialog({ projectId }: { projectId: string }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedSidecarToken | null>(null);
  const close = () => {
    setOpen(false);
    setCreated(null);
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>Create sidecar token</Button>
      <Dialog
        open={open}
        onClose={close}
        title={created ? `Token “${created.name}” created` : "Create a sidecar token"}
        description={created ? undefined : "A sidecar sends its project's egress events and heartbeats with it (BULWARK_SIDECAR_TOKEN)."}
      >
        <CreateSidecarTokenForm projectId={projectId} created={created} onCreated={setCreated} onDone={close} />
      </Dialog>
    </>
  );
}
