// The evidence chain: how a run's proof is hashed and checked. Pure; the worker stores links.
export { evidenceHash, type EvidenceLink } from "./evidence-hash";
export {
  verifyEvidenceChain,
  type EvidenceChainMismatch,
  type EvidenceChainVerification,
  type StoredEvidenceLink,
  type VerifyEvidenceChainOptions,
} from "./verify-evidence-chain";
