"use client";

import type { AgentConnector, PutAgentConnectorInput } from "@bulwark/contracts";
import { Button, Checkbox, ErrorMessage, Field, Input, Textarea, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";
import { apiFetch } from "@/features/shared/api-client";
import { useApiAction } from "@/features/shared/use-api-action";
import { HeaderRows, type HeaderRow, toHeaderInput } from "./header-rows";

/**
 * The project's agent connector. Fields the form does not show (method, preset, timeouts, rate)
 * are sent back as they are stored, so saving here never resets what the API configured.
 */
export function ConnectorForm({ projectId, connector, sandbox }: { projectId: string; connector: AgentConnector | null; sandbox: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const { pending, error, fieldError, run } = useApiAction();
  const [headers, setHeaders] = useState<HeaderRow[]>(() =>
    (connector?.headers ?? []).map((header, i) => ({ key: i, name: header.name, value: header.value ?? "", secret: header.secret, stored: header.secret })),
  );
  const otherErrors = error?.fields.filter((field) => !FORM_PATHS.some((path) => field.path === path || field.path.startsWith("headers."))) ?? [];

  return (
    <form
      aria-label="Agent connector"
      className="space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const text = (name: string) => String(form.get(name) ?? "").trim();
        const replyPath = text("replyPath");
        const toolCallsPath = text("toolCallsPath");
        const body: ConnectorInput = {
          ...preserved(connector),
          url: text("url"),
          ...(text("bodyTemplate") ? { bodyTemplate: text("bodyTemplate") } : {}),
          ...(replyPath || toolCallsPath ? { response: { replyPath, ...(toolCallsPath ? { toolCallsPath } : {}) } } : {}),
          headers: headers.map(toHeaderInput),
          allowLocalTargets: sandbox && form.get("allowLocalTargets") === "on",
        };
        const saved = await run(() => apiFetch<AgentConnector>(`/api/v1/projects/${projectId}/connector`, { method: "PUT", body }));
        if (!saved) return;
        setHeaders(saved.headers.map((header, i) => ({ key: i, name: header.name, value: header.value ?? "", secret: header.secret, stored: header.secret })));
        toast("Agent connector saved.", "success");
        router.refresh();
      }}
    >
      <Field label="Agent URL" hint="The endpoint the platform sends each attack to, e.g. https://agent.internal/chat." error={fieldError("url")}>
        {(control) => <Input {...control} name="url" type="url" required maxLength={2048} defaultValue={connector?.url ?? ""} />}
      </Field>
      <Field
        label="Body template"
        hint={
          <>
            JSON with the placeholders <code>{"{{message}}"}</code>, <code>{"{{session_id}}"}</code>, <code>{"{{history}}"}</code>; empty sends{" "}
            <code>{'{"message", "session_id"}'}</code>.
          </>
        }
        error={fieldError("bodyTemplate")}
      >
        {(control) => <Textarea {...control} name="bodyTemplate" rows={3} maxLength={16_384} defaultValue={connector?.bodyTemplate ?? ""} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Reply path" hint="JSON path of the reply text, e.g. $.reply." error={fieldError("response.replyPath") ?? fieldError("response")}>
          {(control) => <Input {...control} name="replyPath" maxLength={200} defaultValue={connector?.response?.replyPath ?? ""} />}
        </Field>
        <Field label="Tool-calls path" hint="Optional, e.g. $.tool_calls." error={fieldError("response.toolCallsPath")}>
          {(control) => <Input {...control} name="toolCallsPath" maxLength={200} defaultValue={connector?.response?.toolCallsPath ?? ""} />}
        </Field>
      </div>
      <HeaderRows rows={headers} onChange={setHeaders} fieldError={fieldError} />
      {sandbox ? (
        <Checkbox
          name="allowLocalTargets"
          defaultChecked={connector?.allowLocalTargets ?? false}
          label="Allow local targets"
          description="Let the platform reach loopback and private addresses. Sandbox projects only."
        />
      ) : null}
      {fieldError("allowLocalTargets") ? (
        <p role="alert" className="text-xs text-danger-700">
          {fieldError("allowLocalTargets")}
        </p>
      ) : null}
      {error && (error.fields.length === 0 || otherErrors.length > 0) ? (
        <ErrorMessage message={otherErrors.length > 0 ? otherErrors.map((field) => `${field.path}: ${field.message}`).join("; ") : error.message} requestId={error.requestId} />
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : connector ? "Save connector" : "Configure connector"}
      </Button>
    </form>
  );
}

const FORM_PATHS = ["url", "bodyTemplate", "response", "response.replyPath", "response.toolCallsPath", "allowLocalTargets"];

/** What the API accepts: fields with a server-side default may be left out. */
type ConnectorInput = z.input<typeof PutAgentConnectorInput>;

function preserved(connector: AgentConnector | null): Partial<ConnectorInput> {
  if (!connector) return {};
  const { method, preset, model, timeoutMs, maxConcurrency, requestsPerSecond, maxRetries } = connector;
  return { method, timeoutMs, maxConcurrency, requestsPerSecond, maxRetries, ...(preset ? { preset } : {}), ...(model ? { model } : {}) };
}
