import "server-only";
import { AppError } from "@bulwark/contracts";
import { notFound } from "next/navigation";

/** A page's subject that is missing (or another org's, which looks the same) renders the 404 page. */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
