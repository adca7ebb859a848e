import {
  deleteProject as deleteProjectOp,
  getProject as getProjectOp,
  updateProject as updateProjectOp,
} from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { deleteProject } from "@/server/services/projects/delete-project";
import { getProjectOrThrow } from "@/server/services/projects/get-project-or-throw";
import { toProjectDto } from "@/server/services/projects/to-project-dto";
import { updateProject } from "@/server/services/projects/update-project";

// GET /api/v1/projects/{id} — one project of the caller's organization
export const GET = route(getProjectOp, {}, async ({ ctx, params }) => toProjectDto(await getProjectOrThrow(ctx, params.id)));

// PATCH /api/v1/projects/{id} — change a project's settings
export const PATCH = route(updateProjectOp, {}, ({ ctx, params, body }) => updateProject(ctx, params.id, body));

// DELETE /api/v1/projects/{id} — delete a project with its runs, events, findings and tokens
export const DELETE = route(deleteProjectOp, {}, async ({ ctx, params }) => {
  await deleteProject(ctx, params.id);
  return new Response(null, { status: 204 });
});
