import { createProject as createProjectOp, listProjects as listProjectsOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { createProject } from "@/server/services/projects/create-project";
import { listProjects } from "@/server/services/projects/list-projects";

// POST /api/v1/projects — create a project in the caller's organization
export const POST = route(createProjectOp, {}, ({ ctx, body }) => createProject(ctx, body));

// GET /api/v1/projects — the caller's organization's projects, oldest first
export const GET = route(listProjectsOp, {}, ({ ctx, query }) => listProjects(ctx, query));
