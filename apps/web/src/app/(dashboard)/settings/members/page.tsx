import { PageQuery } from "@bulwark/contracts";
import { Badge, Callout, Card, DateTime, EmptyState, linkStyles, PageHeader, Section, Table, TBody, Td, Th, ThActions, THead } from "@bulwark/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { InviteMemberForm } from "@/features/members/invite-member-form";
import { LeaveOrganizationButton } from "@/features/members/leave-organization-button";
import { MemberRoleSelect } from "@/features/members/member-role-select";
import { RemoveMemberButton } from "@/features/members/remove-member-button";
import { RevokeInvitationButton } from "@/features/members/revoke-invitation-button";
import { canActOn, ROLE_LABELS, rolesUpTo, withArticle } from "@/features/members/roles";
import { requirePageContext, requirePageUserContext } from "@/server/auth/page-session";
import { listInvitations } from "@/server/services/invitations/list-invitations";
import { listMembers } from "@/server/services/members/list-members";
import { getCurrentOrganization } from "@/server/services/organizations/get-current-organization";
import { listOrganizations } from "@/server/services/organizations/list-organizations";

export const metadata: Metadata = { title: "Members" };

const PAGE_SIZE = 100;

export default async function MembersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ctx } = await requirePageContext();
  const { userCtx } = await requirePageUserContext();
  const query = PageQuery.safeParse({ cursor: (await searchParams).cursor, limit: PAGE_SIZE });
  const cursor = query.success ? query.data.cursor : undefined;
  // Every role reads the list; only members:manage sees the controls and the invitations.
  const canManage = ctx.scopes.includes("members:manage");
  const [org, members, invitations, orgs] = await Promise.all([
    getCurrentOrganization(ctx),
    listMembers(ctx, { cursor, limit: PAGE_SIZE }),
    canManage ? listInvitations(ctx, { limit: 100 }) : null,
    listOrganizations(userCtx, { limit: 100 }),
  ]);
  const me = ctx.actor.userId;
  const wholeList = !cursor && !members.nextCursor;
  const owners = members.data.filter((member) => member.role === "owner");
  // The server refuses it anyway (409); saying so up front beats a failing button.
  const lastOwner = wholeList && ctx.role === "owner" && owners.length === 1;
  const nextOrgId = orgs.data.find((candidate) => candidate.id !== ctx.orgId)?.id ?? null;
  const grantable = rolesUpTo(ctx.role);

  return (
    <>
      <PageHeader title="Members" description={`People in ${org.name} and what they may do. You are ${withArticle(ctx.role)}.`} />

      <Section title="People" description={canManage ? "Change a role or remove someone. Nobody gives a role above their own; only owners manage owners." : "Ask an owner or admin to change roles or invite people."}>
        <Table>
          <caption className="sr-only">Members of {org.name}</caption>
          <THead>
            <tr>
              <Th>Member</Th>
              <Th>Role</Th>
              <Th>Joined</Th>
              {canManage ? (
                <ThActions />
              ) : null}
            </tr>
          </THead>
          <TBody>
            {members.data.map((member) => {
              const isSelf = member.user.id === me;
              // The last owner's own role cannot change (409): no control that can only fail.
              const manageable = canManage && canActOn(ctx.role, member.role) && !(isSelf && lastOwner);
              return (
                <tr key={member.id} className="h-14">
                  <Td>
                    <div className="flex items-center gap-2">
                      <span className="font-medium">{member.user.name ?? member.user.email}</span>
                      {isSelf ? <Badge tone="info">you</Badge> : null}
                    </div>
                    {member.user.name ? <div className="text-xs text-fg-muted">{member.user.email}</div> : null}
                  </Td>
                  <Td>
                    {manageable ? (
                      <MemberRoleSelect key={member.role} membershipId={member.id} email={member.user.email} role={member.role} options={grantable} isSelf={isSelf} />
                    ) : (
                      <Badge tone={member.role === "owner" ? "info" : "neutral"}>{ROLE_LABELS[member.role]}</Badge>
                    )}
                  </Td>
                  <Td>
                    <DateTime value={member.createdAt} precision="date" />
                  </Td>
                  {canManage ? (
                    <Td>
                      {/* A flex box, not text-right: the dialog inside would inherit the alignment. */}
                      <div className="flex justify-end">{manageable && !isSelf ? <RemoveMemberButton membershipId={member.id} email={member.user.email} /> : null}</div>
                    </Td>
                  ) : null}
                </tr>
              );
            })}
          </TBody>
        </Table>
        {cursor || members.nextCursor ? (
          <nav aria-label="Member pages" className="mt-3 flex gap-4 text-sm">
            {cursor ? (
              <Link className={linkStyles} href="/settings/members">
                First page
              </Link>
            ) : null}
            {members.nextCursor ? (
              <Link className={linkStyles} href={`/settings/members?cursor=${encodeURIComponent(members.nextCursor)}`}>
                Next page
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Section>

      {canManage && invitations ? (
        <Section title="Invitations" description="Invitations expire after 7 days and work once. Inviting an address again replaces its pending invitation.">
          <Card className="mb-4">
            <InviteMemberForm roles={grantable} />
          </Card>
          {invitations.data.length === 0 ? (
            <EmptyState title="No pending invitations" description="Invite someone above; their invitation waits here until it is accepted, revoked or expires." />
          ) : (
            <Table>
              <caption className="sr-only">Pending invitations</caption>
              <THead>
                <tr>
                  <Th>Email</Th>
                  <Th>Role</Th>
                  <Th>Invited by</Th>
                  <Th>Expires</Th>
                  <ThActions />
                </tr>
              </THead>
              <TBody>
                {invitations.data.map((invitation) => (
                  <tr key={invitation.id} className="h-12">
                    <Td className="font-medium">{invitation.email}</Td>
                    <Td>
                      <Badge>{ROLE_LABELS[invitation.role]}</Badge>
                    </Td>
                    <Td className="text-fg-muted">{invitation.invitedBy?.email ?? "—"}</Td>
                    <Td>
                      <DateTime value={invitation.expiresAt} />
                    </Td>
                    <Td>
                      <div className="flex justify-end">{canActOn(ctx.role, invitation.role) ? <RevokeInvitationButton invitationId={invitation.id} email={invitation.email} /> : null}</div>
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </Section>
      ) : null}

      <Section title="Leave organization">
        {lastOwner ? (
          <Callout tone="warning" title="You are the only owner">
            An organization needs at least one owner. Make someone else an owner before you leave.
          </Callout>
        ) : (
          <Card className="flex flex-wrap items-center justify-between gap-4">
            <p className="min-w-0 flex-1 basis-80 text-sm text-fg-muted">
              Leaving ends your access to {org.name} and revokes the API keys you created in it. {nextOrgId ? "You will move to your next organization." : "You belong to no other organization, so you will be asked to create one."}
            </p>
            <LeaveOrganizationButton orgId={ctx.orgId} orgName={org.name} nextOrgId={nextOrgId} />
          </Card>
        )}
      </Section>
    </>
  );
}
