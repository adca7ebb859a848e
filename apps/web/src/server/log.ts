import "server-only";
import { createLogger } from "@bulwark/logger";
import { env } from "@/env";

export const log = createLogger("web", env.LOG_LEVEL);
