import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { newId } from "@bulwark/db/ids";
import { type ArchiveStore, assertArchiveKey } from "./archive-store";

/** Archives into a local directory (a mounted volume or NFS share). Each object is written to a temporary name and renamed, so a crash never leaves half an object under its real name. */
export function directoryArchive(dir: string): ArchiveStore {
  const root = path.resolve(dir);
  return {
    target: `dir:${root}`,
    async put(key, body) {
      assertArchiveKey(key);
      const file = path.join(root, ...key.split("/"));
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${newId("request")}.tmp`;
      await writeFile(temporary, body, { flush: true });
      await rename(temporary, file);
    },
  };
}
