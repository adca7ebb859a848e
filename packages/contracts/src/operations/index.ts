import type { AnyOperation } from "../operation";
import { signUp, verifyEmail } from "./accounts";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys";
import { listAuditLogs, verifyAuditLog } from "./audit-logs";
import {
  createAllowlistEntry,
  deleteAllowlistEntry,
  getSignupMode,
  listAdminOrganizations,
  listAllowlistEntries,
  updateOrganizationTier,
  updateSignupMode,
} from "./platform";
import { acceptInvitation, createInvitation, listInvitations, revokeInvitation } from "./invitations";
import { listMembers, removeMember, updateMember } from "./members";
import {
  createOrganization,
  getCurrentOrganization,
  leaveOrganization,
  listOrganizations,
  renameCurrentOrganization,
} from "./organizations";
import { createProject, deleteProject, getProject, listProjects, updateProject } from "./projects";
import { getHealth, getOpenApiDocument, getReady } from "./system";
import { createSidecarToken, listSidecarTokens, revokeSidecarToken } from "./sidecar-tokens";
import { ingestEvents, sendHeartbeat } from "./ingest";
import { listEvents } from "./events";
import { cancelRun, createRun, getRun, getRunDocument, listRuns, streamRun, verifyRunEvidence } from "./runs";
import { killOrganizationRuns, killProjectRuns, killRun, listRunAborts } from "./kill-switch";
import { getAgentConnector, putAgentConnector, testAgentConnector } from "./connector";
import { compareRuns, getRunReport } from "./reports";
import { getFinding, listFindings, listRunFindings, updateFinding } from "./findings";
import { archiveScenario, createScenario, getScenario, listScenarios, updateScenario } from "./scenarios";
import { estimateRun, getOrganizationQuotas, getQuotas, getUsage, updateOrganizationQuotas } from "./quotas";

export * from "./accounts";
export * from "./api-keys";
export * from "./audit-logs";
export * from "./platform";
export * from "./invitations";
export * from "./members";
export * from "./organizations";
export * from "./projects";
export * from "./system";
export * from "./sidecar-tokens";
export * from "./ingest";
export * from "./events";
export * from "./runs";
export * from "./kill-switch";
export * from "./connector";
export * from "./reports";
export * from "./findings";
export * from "./scenarios";
export * from "./quotas";

/** Every REST operation. The OpenAPI document, the route-coverage test and the SDK read this list. */
export const operations: readonly AnyOperation[] = [
  getHealth,
  getReady,
  getOpenApiDocument,
  createProject,
  listProjects,
  getProject,
  updateProject,
  deleteProject,
  getAgentConnector,
  putAgentConnector,
  testAgentConnector,
  listRunFindings,
  listFindings,
  getFinding,
  updateFinding,
  listScenarios,
  getScenario,
  createScenario,
  updateScenario,
  archiveScenario,
  createSidecarToken,
  listSidecarTokens,
  revokeSidecarToken,
  ingestEvents,
  sendHeartbeat,
  listEvents,
  createRun,
  listRuns,
  getRun,
  cancelRun,
  listRunAborts,
  getRunDocument,
  verifyRunEvidence,
  getRunReport,
  compareRuns,
  streamRun,
  createApiKey,
  listApiKeys,
  revokeApiKey,
  listAuditLogs,
  verifyAuditLog,
  listOrganizations,
  createOrganization,
  getCurrentOrganization,
  renameCurrentOrganization,
  leaveOrganization,
  listMembers,
  updateMember,
  removeMember,
  createInvitation,
  listInvitations,
  revokeInvitation,
  acceptInvitation,
  signUp,
  verifyEmail,
  getSignupMode,
  updateSignupMode,
  listAllowlistEntries,
  createAllowlistEntry,
  deleteAllowlistEntry,
  listAdminOrganizations,
  updateOrganizationTier,
  killRun,
  killProjectRuns,
  killOrganizationRuns,
  getOrganizationQuotas,
  updateOrganizationQuotas,
  getQuotas,
  getUsage,
  estimateRun,
];
