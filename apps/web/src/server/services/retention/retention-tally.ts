/** What one cleanup did so far: counts for the response, freed bytes per project for the usage ledger. */
export class RetentionTally {
  runsDeleted = 0;
  eventsDeleted = 0;
  partitionsDropped = 0;
  auditEntriesDeleted = 0;
  objectsArchived = 0;
  /** `${orgId}/${projectId}` → logical bytes freed (events' size_bytes, reports' size_bytes). */
  readonly freed = new Map<string, { orgId: string; projectId: string; bytes: bigint }>();
  readonly orgsTouched = new Set<string>();

  free(orgId: string, projectId: string, bytes: bigint): void {
    const key = `${orgId}/${projectId}`;
    const entry = this.freed.get(key) ?? { orgId, projectId, bytes: 0n };
    entry.bytes += bytes;
    this.freed.set(key, entry);
    this.orgsTouched.add(orgId);
  }

  get bytesFreed(): number {
    return Number([...this.freed.values()].reduce((sum, entry) => sum + entry.bytes, 0n));
  }

  counts() {
    return {
      runsDeleted: this.runsDeleted,
      eventsDeleted: this.eventsDeleted,
      partitionsDropped: this.partitionsDropped,
      auditEntriesDeleted: this.auditEntriesDeleted,
      bytesFreed: this.bytesFreed,
    };
  }
}
