export interface Session {
  memories: string[];
  turns: number;
}

interface Entry {
  session: Session;
  expiresAt: number;
}

export interface SessionStoreOptions {
  maxSessions?: number;
  ttlMs?: number;
  maxMemoriesPerSession?: number;
  now?: () => number;
}

/**
 * In-process sessions, bounded so a scanner opening thousands of sessions cannot exhaust
 * memory: the least recently used session is evicted past `maxSessions`, idle ones expire.
 */
export class SessionStore {
  private readonly entries = new Map<string, Entry>();
  private readonly maxSessions: number;
  private readonly ttlMs: number;
  private readonly maxMemories: number;
  private readonly now: () => number;

  constructor(options: SessionStoreOptions = {}) {
    this.maxSessions = options.maxSessions ?? 10_000;
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.maxMemories = options.maxMemoriesPerSession ?? 20;
    this.now = options.now ?? Date.now;
  }

  get(id: string): Session {
    const now = this.now();
    const existing = this.entries.get(id);
    // Re-inserting keeps Map order = recency, so the first key is always the eviction victim.
    this.entries.delete(id);
    const session = existing && existing.expiresAt > now ? existing.session : { memories: [], turns: 0 };
    this.entries.set(id, { session, expiresAt: now + this.ttlMs });
    while (this.entries.size > this.maxSessions) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return session;
  }

  remember(session: Session, memory: string): void {
    session.memories.push(memory.slice(0, 500));
    if (session.memories.length > this.maxMemories) session.memories.shift();
  }

  get size(): number {
    return this.entries.size;
  }
}
