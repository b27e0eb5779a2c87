/** The API's own settings: defaults, empty values treated as unset, and clear errors for bad values. */
import { describe, expect, it } from "vitest";
import { loadApiConfig } from "./api-config.js";

describe("API configuration", () => {
  it("has defaults that limit, trust no proxy and pin nothing", () => {
    expect(loadApiConfig({})).toEqual({ RATE_LIMIT_PER_SECOND: 20, RATE_LIMIT_BURST: 120, TRUST_PROXY_HOPS: 0, SHUTDOWN_TIMEOUT_MS: 15_000 });
  });

  it("reads every setting, treating empty strings as unset", () => {
    const c = loadApiConfig({ REDIS_URL: "redis://10.0.0.5:6379/2", RATE_LIMIT_PER_SECOND: "0", RATE_LIMIT_BURST: "10", TRUST_PROXY_HOPS: "2", SHUTDOWN_TIMEOUT_MS: "500", RELEASE_PIN: "2026.1" });
    expect(c).toEqual({ REDIS_URL: "redis://10.0.0.5:6379/2", RATE_LIMIT_PER_SECOND: 0, RATE_LIMIT_BURST: 10, TRUST_PROXY_HOPS: 2, SHUTDOWN_TIMEOUT_MS: 500, RELEASE_PIN: "2026.1" });
    expect(loadApiConfig({ REDIS_URL: "", RELEASE_PIN: "" }).REDIS_URL).toBeUndefined();
  });

  it("names each bad setting", () => {
    expect(() => loadApiConfig({ REDIS_URL: "http://x", TRUST_PROXY_HOPS: "-1", RATE_LIMIT_BURST: "0" })).toThrow(/REDIS_URL: must be a redis:\/\/[\s\S]*RATE_LIMIT_BURST[\s\S]*TRUST_PROXY_HOPS/);
  });
});
