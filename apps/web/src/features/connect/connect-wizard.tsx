"use client";

import type { AgentConnector, SidecarToken } from "@bulwark/contracts";
import { Callout, DateTime, ErrorMessage, linkStyles } from "@bulwark/ui";
import Link from "next/link";
import { useState, useSyncExternalStore } from "react";
import { ConnectorForm } from "@/features/connector/connector-form";
import { type CreatedSidecarToken, CreateSidecarTokenForm } from "@/features/sidecar-tokens/create-sidecar-token-form";
import { CodeSnippet } from "./code-snippet";
import { ConnectorTestButton } from "./connector-test-button";
import { agentProxySnippet, cliSnippet, composeSnippet } from "./sidecar-snippets";
import { useSidecarHeartbeat } from "./use-sidecar-heartbeat";
import { WizardStep } from "./wizard-step";

const noSubscription = () => () => undefined;

interface ConnectWizardProps {
  project: { id: string; environment: "sandbox" | "staging" | "prod" };
  connector: AgentConnector | null;
  tokens: SidecarToken[];
  /** The public URL of this deployment (AUTH_URL) when configured; else the page's own origin. */
  publicUrl: string | null;
  canRun: boolean;
}

/**
 * Connects a project's agent: a sidecar token, the sidecar beside the agent, its first
 * heartbeat (watched live), the agent connector with a test call, then the first run. Only
 * callers who may change the project see it (the page checks), so every control here works.
 */
export function ConnectWizard({ project, connector, tokens, publicUrl, canRun }: ConnectWizardProps) {
  const [created, setCreated] = useState<CreatedSidecarToken | null>(null);
  // The browser knows the address it reached us on; the server may not (no AUTH_URL).
  const origin = useSyncExternalStore(noSubscription, () => publicUrl ?? window.location.origin, () => publicUrl ?? "");
  const heartbeat = useSidecarHeartbeat(project.id, created?.id ?? null, tokens);
  const liveTokens = tokens.filter((token) => !token.revokedAt).length;
  const snippet = { bulwarkUrl: origin || "https://bulwark.example.com", token: created?.token ?? null };

  return (
    <ol className="space-y-6" aria-label="Steps to connect the agent">
      <WizardStep
        number={1}
        title="Create a sidecar token"
        status={created ? "done" : "current"}
        description={
          liveTokens > 0 && !created
            ? `This project already has ${liveTokens} active token${liveTokens === 1 ? "" : "s"}. Create a new one to have it filled into the snippets below.`
            : "The sidecar sends the agent's egress and its heartbeats with this token."
        }
      >
        <CreateSidecarTokenForm projectId={project.id} created={created} onCreated={setCreated} />
      </WizardStep>

      <WizardStep
        number={2}
        title="Run the sidecar beside the agent"
        status={heartbeat.state === "connected" ? "done" : "current"}
        description="The sidecar is an HTTP(S) forward proxy: point the agent's HTTP_PROXY and HTTPS_PROXY at it, and it captures, redacts and reports every outbound call."
      >
        {created ? null : <Callout title="The token is filled in once you create one above">Until then the snippets show a placeholder.</Callout>}
        <CodeSnippet title="Docker Compose" value={composeSnippet(snippet)} />
        <CodeSnippet title="Command line" value={cliSnippet(snippet)} />
        <CodeSnippet title="Agent proxy settings" value={agentProxySnippet()} />
      </WizardStep>

      <WizardStep number={3} title="Watch for the first heartbeat" status={heartbeat.state === "connected" ? "connected" : "waiting"}>
        <div aria-live="polite">
          {heartbeat.state === "connected" ? (
            <Callout tone="success" title="Sidecar connected">
              Token “{heartbeat.token.name}” (<code className="font-mono">{heartbeat.token.prefix}…</code>) last reported{" "}
              <DateTime value={heartbeat.token.lastSeenAt!} />.
            </Callout>
          ) : heartbeat.state === "error" ? (
            <ErrorMessage title="Could not check for a heartbeat (retrying)" message={heartbeat.message} requestId={heartbeat.requestId} />
          ) : (
            <p className="text-sm text-fg-muted">Waiting for the sidecar{created ? ` with token “${created.name}”` : ""} to report… This step updates by itself.</p>
          )}
        </div>
      </WizardStep>

      <WizardStep
        number={4}
        title="Configure the agent endpoint"
        status={connector ? "done" : "current"}
        description="Where the platform sends each attack and how it reads the reply. Send a test message to check it before a run."
      >
        <ConnectorForm projectId={project.id} connector={connector} sandbox={project.environment === "sandbox"} />
        {connector ? <ConnectorTestButton projectId={project.id} /> : null}
      </WizardStep>

      <WizardStep number={5} title="Start the first run" status="current">
        {canRun && connector ? (
          <Link className={linkStyles} href={`/projects/${project.id}`}>
            Open the project to start a run
          </Link>
        ) : (
          <p className="text-sm text-fg-muted">{connector ? "Members of this organization can start runs." : "Configure the agent endpoint first."}</p>
        )}
      </WizardStep>
    </ol>
  );
}
