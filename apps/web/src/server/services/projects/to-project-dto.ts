import type { Project as ProjectDto, ProjectEnvironment } from "@bulwark/contracts";
import type { Project } from "@bulwark/db";

export function toProjectDto(project: Project): ProjectDto {
  return {
    id: project.id,
    name: project.name,
    environment: project.environment.toLowerCase() as ProjectEnvironment,
    description: project.description,
    toolDomains: project.toolDomains,
    internalHostSuffixes: project.internalHostSuffixes,
    retentionDays: project.retentionDays,
    sinkhole: project.sinkhole,
    lastHeartbeatAt: project.lastHeartbeatAt?.toISOString() ?? null,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  };
}
