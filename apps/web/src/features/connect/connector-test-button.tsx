"use client";

import type { AgentConnectorTestResult } from "@bulwark/contracts";
import { Button, Callout, ErrorMessage } from "@bulwark/ui";
import { useState } from "react";
import { apiFetch } from "@/features/shared/api-client";
import { useApiAction } from "@/features/shared/use-api-action";

/** Sends one test message through the stored connector and shows what came back, or why not. */
export function ConnectorTestButton({ projectId }: { projectId: string }) {
  const { pending, error, run } = useApiAction();
  const [result, setResult] = useState<AgentConnectorTestResult | null>(null);
  return (
    <div className="space-y-3">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={async () => {
          setResult(null);
          const answer = await run(() => apiFetch<AgentConnectorTestResult>(`/api/v1/projects/${projectId}/connector/test`, { method: "POST", body: {} }));
          if (answer) setResult(answer);
        }}
      >
        {pending ? "Calling the agent…" : "Send a test message"}
      </Button>
      <div aria-live="polite">
        {error ? <ErrorMessage title="The test call was not made" message={error.message} requestId={error.requestId} /> : null}
        {result?.ok ? (
          <Callout tone="success" title={`The agent answered in ${result.latencyMs} ms`}>
            <p className="whitespace-pre-wrap break-words">
              <span className="font-medium">Reply:</span> {result.reply}
            </p>
            {result.toolCalls.length > 0 ? <p className="mt-1">Tool calls: {result.toolCalls.map((toolCall) => toolCall.name).join(", ")}</p> : null}
          </Callout>
        ) : null}
        {result && !result.ok ? (
          <Callout tone="danger" title={`The test call failed (${result.error?.kind.replaceAll("_", " ") ?? "error"})`}>
            <p>{result.error?.message}</p>
            {result.error?.kind === "blocked" ? <p className="mt-1">Private and loopback addresses are reachable only from a sandbox project that allows local targets.</p> : null}
          </Callout>
        ) : null}
      </div>
    </div>
  );
}
