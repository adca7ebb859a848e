import { sendHeartbeat as sendHeartbeatOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { recordHeartbeat } from "@/server/services/ingest/record-heartbeat";

// POST /api/v1/ingest/heartbeat — sidecar liveness; answers with its project's configuration
export const POST = route(sendHeartbeatOp, { rateLimit: "ingest" }, ({ ctx }) => recordHeartbeat(ctx));
