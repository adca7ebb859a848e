import pino, { type Logger } from "pino";

export type { Logger };

/**
 * JSON logs on stdout. Anything that could hold a credential is censored by path before it is
 * written, so a careless `log.info({ headers })` cannot leak a bearer token.
 */
export function createLogger(name: string, level = "info"): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [
        "password",
        "*.password",
        "token",
        "*.token",
        "secret",
        "*.secret",
        "apiKey",
        "*.apiKey",
        "authorization",
        "*.authorization",
        "headers.authorization",
        "headers.cookie",
        "*.headers.authorization",
        "*.headers.cookie",
        "databaseUrl",
        "*.databaseUrl",
      ],
      censor: "[REDACTED]",
    },
  });
}
