import type { SignupMode } from "@bulwark/contracts";

export const SIGNUP_MODES: { value: SignupMode; label: string; description: string }[] = [
  { value: "open", label: "Open", description: "Anyone can create an account." },
  { value: "invite_only", label: "Invite only", description: "Only people holding a pending invitation to an organization." },
  { value: "allowlist", label: "Allowlist", description: "Only the addresses and domains on the allowlist." },
];
