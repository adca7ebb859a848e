import { describe, expect, it } from "vitest";
import { tracingFromEnv } from "./tracing-from-env";

describe("tracingFromEnv", () => {
  it("is off without an endpoint", () => {
    expect(tracingFromEnv({ OTEL_SERVICE_NAME: "x" }, "bulwark-web")).toBeNull();
  });

  it("appends /v1/traces to the base endpoint, once, and names the service by default", () => {
    expect(tracingFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" }, "bulwark-worker")).toEqual({
      serviceName: "bulwark-worker",
      tracesUrl: "http://collector:4318/v1/traces",
      scheduleDelayMs: 5_000,
    });
    expect(tracingFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "https://otel.example.com/otlp/" }, "bulwark-web")?.tracesUrl).toBe("https://otel.example.com/otlp/v1/traces");
  });

  it("uses the traces endpoint as given, and the configured service name and delay", () => {
    expect(
      tracingFromEnv(
        { OTEL_EXPORTER_OTLP_ENDPOINT: "http://ignored:4318", OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/custom", OTEL_SERVICE_NAME: "bulwark-eu", OTEL_BSP_SCHEDULE_DELAY: 250 },
        "bulwark-web",
      ),
    ).toEqual({ serviceName: "bulwark-eu", tracesUrl: "http://collector:4318/custom", scheduleDelayMs: 250 });
  });
});
