import { getOpenApiDocument as getOpenApiDocumentOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { getOpenApiDocument } from "@/server/system/openapi-document";

export const dynamic = "force-dynamic";

// GET /api/openapi.json — the OpenAPI 3.1 description of this API
export const GET = route(getOpenApiDocumentOp, {}, () => getOpenApiDocument());
