import "server-only";
import { type Prisma, prisma } from "@bulwark/db";

export type Tx = Prisma.TransactionClient;

/** Runs `fn` in the caller's transaction when given one, else in a new one. */
export function inTransaction<T>(tx: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return tx ? fn(tx) : prisma.$transaction(fn);
}
