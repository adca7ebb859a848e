import { listAuditLogs as listAuditLogsOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { listAuditLogs } from "@/server/services/audit/list-audit-logs";

// GET /api/v1/audit-logs — search the organization's audit log, newest first
export const GET = route(listAuditLogsOp, {}, ({ ctx, query }) => listAuditLogs(ctx, query));
