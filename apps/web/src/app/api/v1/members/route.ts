import { listMembers as listMembersOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { listMembers } from "@/server/services/members/list-members";

// GET /api/v1/members — the organization's members and their roles
export const GET = route(listMembersOp, {}, ({ ctx, query }) => listMembers(ctx, query));
