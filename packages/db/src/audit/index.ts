export { appendAuditEntry, type AuditEntryInput, type AuditActorType } from "./append-audit-entry";
export { verifyAuditChain, type VerifyAuditChainOptions } from "./verify-audit-chain";
export { sealAuditCheckpoint, AuditChainBrokenError } from "./seal-audit-checkpoint";
export { type AuditChainVerification, type AuditChainBreak } from "./walk-audit-chain";
export { computeAuditEntryHash, type HashedAuditFields } from "./entry-hash";
export { auditParams, PARAMS_PREVIEW_MAX, type AuditParams } from "./audit-params";
export { redactParams, looksLikeCredential, REDACTED } from "./redact-params";
