import "server-only";
import { conflict } from "@bulwark/contracts";

/** Refuses to leave an organization without an owner. Call with owner ids read under the owner lock. */
export function assertNotLastOwner(ownerIds: readonly string[], leavingOwnerId: string): void {
  if (ownerIds.every((id) => id === leavingOwnerId)) {
    throw conflict("An organization needs at least one owner: make someone else an owner first.");
  }
}
