import { DateTime, EmptyState, PageHeader, Table, TBody, Td, Th, ThActions, THead } from "@bulwark/ui";
import type { Metadata } from "next";
import { ProjectBreadcrumb } from "@/features/projects/project-breadcrumb";
import { CreateSidecarTokenDialog } from "@/features/sidecar-tokens/create-sidecar-token-dialog";
import { RevokeCredentialButton } from "@/features/shared/revoke-credential-button";
import { SidecarTokenStatus, sidecarTokenStates } from "@/features/sidecar-tokens/sidecar-token-status";
import { requirePageContext } from "@/server/auth/page-session";
import { getProjectOrThrow } from "@/server/services/projects/get-project-or-throw";
import { listSidecarTokens } from "@/server/services/sidecar-tokens/list-sidecar-tokens";
import { orNotFound } from "../../../or-not-found";

export const metadata: Metadata = { title: "Sidecar tokens" };

export default async function SidecarTokensPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx } = await requirePageContext();
  const { id } = await params;
  const project = await orNotFound(getProjectOrThrow(ctx, id));
  const canWrite = ctx.scopes.includes("projects:write");
  const tokens = await listSidecarTokens(ctx, id, { limit: 100 });
  const states = sidecarTokenStates(tokens.data);

  return (
    <>
      <ProjectBreadcrumb project={project} />
      <PageHeader
        title="Sidecar tokens"
        description="Each sidecar beside this project's agent reports with its own token. Only a hash is stored; a revoked token is refused from its next request on."
        actions={canWrite ? <CreateSidecarTokenDialog projectId={project.id} /> : null}
      />
      {tokens.data.length === 0 ? (
        <EmptyState title="No sidecar tokens yet" description={canWrite ? "Create one, or follow the connect wizard to set up the sidecar step by step." : "Members of this organization can create them."} />
      ) : (
        <Table>
          <caption className="sr-only">Sidecar tokens of this project</caption>
          <THead>
            <tr>
              <Th>Name</Th>
              <Th>Prefix</Th>
              <Th>Created</Th>
              <Th>Last seen</Th>
              <Th>Status</Th>
              {canWrite ? <ThActions /> : null}
            </tr>
          </THead>
          <TBody>
            {tokens.data.map((token) => (
              <tr key={token.id}>
                <Td className="font-medium">{token.name}</Td>
                <Td className="font-mono text-xs">{token.prefix}…</Td>
                <Td>
                  <DateTime value={token.createdAt} stacked />
                </Td>
                <Td>{token.lastSeenAt ? <DateTime value={token.lastSeenAt} stacked /> : <span className="text-fg-muted">never</span>}</Td>
                <Td>
                  <SidecarTokenStatus state={states.get(token.id)!} />
                </Td>
                {canWrite ? (
                  <Td className="text-right">
                    {token.revokedAt ? null : <RevokeCredentialButton kind="sidecarToken" path={`/api/v1/projects/${project.id}/sidecar-tokens/${token.id}`} name={token.name} prefix={token.prefix} />}
                  </Td>
                ) : null}
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
