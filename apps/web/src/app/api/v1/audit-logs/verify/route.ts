import { verifyAuditLog as verifyAuditLogOp } from "@bulwark/contracts";
import { prisma, verifyAuditChain } from "@bulwark/db";
import { route } from "@/server/http/route";

// GET /api/v1/audit-logs/verify — recompute the organization's chain; ok or the first break
export const GET = route(verifyAuditLogOp, {}, ({ ctx }) => verifyAuditChain(prisma, ctx.orgId));
