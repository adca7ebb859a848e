"use client";

import { Button, ErrorMessage } from "@bulwark/ui";
import { type ReactNode, useState } from "react";
import { ApiError, apiFetch } from "@/features/shared/api-client";

/**
 * A link's token is used only when the person presses the button: mail scanners that open
 * links with GET must not consume single-use tokens.
 */
export function TokenAction({
  path,
  token,
  label,
  done,
  onDone,
}: {
  path: string;
  token: string;
  label: string;
  done: ReactNode;
  onDone?: (result: unknown) => Promise<void> | void;
}) {
  const [state, setState] = useState<"idle" | "pending" | "done">("idle");
  const [error, setError] = useState<ApiError | null>(null);
  if (state === "done") return <div role="status">{done}</div>;
  return (
    <div className="space-y-4">
      {error ? <ErrorMessage message={error.message} requestId={error.requestId} /> : null}
      <Button
        className="w-full"
        disabled={state === "pending"}
        onClick={async () => {
          setState("pending");
          setError(null);
          try {
            const result = await apiFetch(path, { method: "POST", body: { token } });
            await onDone?.(result);
            setState("done");
          } catch (caught) {
            setError(caught instanceof ApiError ? caught : new ApiError("The request failed.", 0, "network", undefined));
            setState("idle");
          }
        }}
      >
        {state === "pending" ? "Working…" : label}
      </Button>
    </div>
  );
}
