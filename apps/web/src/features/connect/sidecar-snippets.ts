/** What the sidecar set-up snippets need; the token is a placeholder until one is created here. */
export interface SnippetInput {
  bulwarkUrl: string;
  token: string | null;
}

export const TOKEN_PLACEHOLDER = "<paste your bws_ token>";

/**
 * A Compose service beside the agent, as docker-compose.customer.yml runs the image's roles.
 * The buffer lives on a volume so events captured while the platform is unreachable survive a
 * restart of the sidecar.
 */
export function composeSnippet({ bulwarkUrl, token }: SnippetInput): string {
  return `services:
  bulwark-sidecar:
    image: bulwark:local
    command: ["sidecar"]
    restart: unless-stopped
    environment:
      BULWARK_URL: ${bulwarkUrl}
      BULWARK_SIDECAR_TOKEN: ${token ?? TOKEN_PLACEHOLDER}
      SIDECAR_LISTEN: 0.0.0.0:8080
      # "1" forces the sinkhole on; "0" follows the project's setting (sent with each heartbeat).
      SIDECAR_SINKHOLE: "0"
      SIDECAR_BUFFER_DIR: /var/lib/bulwark-sidecar
    volumes:
      - sidecar-buffer:/var/lib/bulwark-sidecar

  # Your agent's service: send its outbound HTTP(S) through the sidecar.
  agent:
    environment:
      HTTP_PROXY: http://bulwark-sidecar:8080
      HTTPS_PROXY: http://bulwark-sidecar:8080
      NO_PROXY: ""

volumes:
  sidecar-buffer:
`;
}

/** The same sidecar from a checkout of the repository (`npm run sidecar`). */
export function cliSnippet({ bulwarkUrl, token }: SnippetInput): string {
  return `BULWARK_URL=${bulwarkUrl} \\
BULWARK_SIDECAR_TOKEN=${token ?? TOKEN_PLACEHOLDER} \\
SIDECAR_LISTEN=127.0.0.1:8080 \\
SIDECAR_SINKHOLE=0 \\
SIDECAR_BUFFER_DIR=./.bulwark/sidecar-buffer \\
npm run sidecar`;
}

/** How the agent's process reaches the internet through the sidecar started from the CLI. */
export function agentProxySnippet(): string {
  return `export HTTP_PROXY=http://127.0.0.1:8080
export HTTPS_PROXY=http://127.0.0.1:8080
export NO_PROXY=""`;
}
