import { configFromEnv } from "./config";
import { env } from "./env";
import { createAgentServer } from "./server";

const config = configFromEnv(env);
const server = createAgentServer(config);

server.listen(env.PORT, env.HOST, () => {
  const weaknesses = config.mode === "vulnerable" ? ` (weaknesses: ${[...config.weaknesses].join(", ") || "none"})` : "";
  console.log(`demo-agent listening on http://${env.HOST}:${env.PORT} in ${config.mode} mode${weaknesses}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
