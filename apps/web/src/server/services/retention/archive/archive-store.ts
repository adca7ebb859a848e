/**
 * Where retention puts what it is about to delete. `put` resolves only once the object is
 * durably stored (a file renamed into place, or a 2xx from the bucket): retention deletes a row
 * only after every object that holds it was put.
 */
export interface ArchiveStore {
  /** For logs and responses: `dir:/var/bulwark/archive` or `s3:https://s3.example.com/bucket`. */
  readonly target: string;
  put(key: string, body: string, contentType: string): Promise<void>;
}

/** Keys are built from ids, dates and fixed words; anything else is a bug that must not reach a path or URL. */
export function assertArchiveKey(key: string): void {
  if (!/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/.test(key) || key.split("/").some((part) => part === ".." || part === ".")) {
    throw new Error(`invalid archive key: ${key}`);
  }
}
