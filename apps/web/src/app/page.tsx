export default function HomePage() {
  return (
    <main style={{ maxWidth: 640, margin: "4rem auto", padding: "0 1rem", lineHeight: 1.5 }}>
      <h1>Bulwark</h1>
      <p>Prove, before deployment, whether your AI agents leak secrets, take privileged actions or exfiltrate data.</p>
      <ul>
        <li>
          <a href="/api/health">/api/health</a> — liveness
        </li>
        <li>
          <a href="/api/ready">/api/ready</a> — readiness of the database, queue and Redis
        </li>
        <li>
          <a href="/api/openapi.json">/api/openapi.json</a> — the REST API description
        </li>
      </ul>
    </main>
  );
}
