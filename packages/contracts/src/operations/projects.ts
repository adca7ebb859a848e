import { z } from "zod";
import { defineOperation } from "../operation";
import { Page, PageQuery } from "../pagination";
import { EXAMPLE_IDS, EXAMPLE_PROJECT } from "./examples";

export const ProjectEnvironment = z.enum(["sandbox", "staging", "prod"]);
export type ProjectEnvironment = z.infer<typeof ProjectEnvironment>;

const Hostname = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(253)
  .regex(/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/, "must be a host name or a suffix such as .internal");

export const Project = z
  .object({
    id: z.string(),
    name: z.string(),
    environment: ProjectEnvironment,
    description: z.string().nullable(),
    toolDomains: z.array(z.string()),
    internalHostSuffixes: z.array(z.string()),
    retentionDays: z.number().int(),
    sinkhole: z.boolean(),
    lastHeartbeatAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Project" });
export type Project = z.infer<typeof Project>;

export const CreateProjectInput = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    environment: ProjectEnvironment,
    description: z.string().trim().max(1000).optional(),
  })
  .meta({ id: "CreateProjectInput" });
export type CreateProjectInput = z.infer<typeof CreateProjectInput>;

/** Moving a project into or out of `prod` is deliberate: confirmed, with a reason, and audited. */
export const ProjectProdOverride = z
  .strictObject({
    confirm: z.literal(true),
    reason: z.string().trim().min(10).max(500).describe("Why this project's environment is changing to or from prod."),
  })
  .meta({ id: "ProjectProdOverride" });

export const UpdateProjectInput = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    environment: ProjectEnvironment.optional(),
    description: z.string().trim().max(1000).nullable().optional(),
    toolDomains: z.array(Hostname).max(200).optional(),
    internalHostSuffixes: z.array(Hostname).max(200).optional(),
    retentionDays: z.number().int().min(1).max(3650).optional(),
    sinkhole: z.boolean().optional(),
    prodOverride: ProjectProdOverride.optional().describe("Required when `environment` moves the project into or out of prod."),
  })
  .refine((input) => Object.keys(input).some((key) => key !== "prodOverride"), "send at least one field to change")
  .meta({ id: "UpdateProjectInput" });
export type UpdateProjectInput = z.infer<typeof UpdateProjectInput>;

const ProjectParams = z.object({ id: z.string().regex(/^prj_[0-9a-z]{26}$/).describe("Project id (`prj_…`).") });

export const createProject = defineOperation({
  id: "createProject",
  method: "POST",
  path: "/api/v1/projects",
  tag: "Projects",
  summary: "Create a project",
  auth: "principal",
  scope: "projects:write",
  body: CreateProjectInput,
  exampleBody: { name: "Support agent", environment: "sandbox", description: "The customer-support agent and its tools." },
  success: { status: 201, description: "The new project.", schema: Project },
  exampleResponse: { ...EXAMPLE_PROJECT, toolDomains: [], internalHostSuffixes: [], lastHeartbeatAt: null, updatedAt: EXAMPLE_PROJECT.createdAt },
});

export const listProjects = defineOperation({
  id: "listProjects",
  method: "GET",
  path: "/api/v1/projects",
  tag: "Projects",
  summary: "List the organization's projects",
  description: "Oldest first, cursor-paginated.",
  auth: "principal",
  scope: "projects:read",
  query: PageQuery,
  exampleQuery: { limit: 20 },
  success: { status: 200, description: "A page of projects.", schema: Page(Project) },
  exampleResponse: { data: [EXAMPLE_PROJECT], nextCursor: null },
});

export const getProject = defineOperation({
  id: "getProject",
  method: "GET",
  path: "/api/v1/projects/{id}",
  tag: "Projects",
  summary: "Get a project",
  auth: "principal",
  scope: "projects:read",
  params: ProjectParams,
  exampleParams: { id: EXAMPLE_IDS.project },
  success: { status: 200, description: "The project.", schema: Project },
  exampleResponse: EXAMPLE_PROJECT,
});

export const updateProject = defineOperation({
  id: "updateProject",
  method: "PATCH",
  path: "/api/v1/projects/{id}",
  tag: "Projects",
  summary: "Change a project",
  description: "Moving the project into or out of `prod` needs `prodOverride` (409 `conflict` with `details.reason: prod_override_required` without it); the change is audited as a production override.",
  auth: "principal",
  scope: "projects:write",
  params: ProjectParams,
  exampleParams: { id: EXAMPLE_IDS.project },
  body: UpdateProjectInput,
  exampleBody: { toolDomains: ["api.crm.example.com"], internalHostSuffixes: [".internal"], retentionDays: 30 },
  success: { status: 200, description: "The changed project.", schema: Project },
  exampleResponse: EXAMPLE_PROJECT,
});

export const deleteProject = defineOperation({
  id: "deleteProject",
  method: "DELETE",
  path: "/api/v1/projects/{id}",
  tag: "Projects",
  summary: "Delete a project and everything it holds",
  description: "Removes the project's runs, events, findings and sidecar tokens in one audited transaction.",
  auth: "principal",
  scope: "projects:write",
  params: ProjectParams,
  exampleParams: { id: EXAMPLE_IDS.project },
  success: { status: 204, description: "Deleted." },
});
