import { describe, expect, it } from "vitest";
import { siteOrigin } from "./site-origin.js";

describe("siteOrigin", () => {
  it("is PORTAL_SITE_URL when set, normalised to an origin", () => {
    expect(siteOrigin({ PORT: 4533 }, { PORTAL_SITE_URL: "https://Minhbach.Example/" })).toBe("https://minhbach.example");
  });
  it("is the origin of PORT otherwise (empty counts as unset)", () => {
    expect(siteOrigin({ PORT: 4533 }, {})).toBe("http://localhost:4533");
    expect(siteOrigin({ PORT: 4000 }, { PORTAL_SITE_URL: "" })).toBe("http://localhost:4000");
  });
  it("refuses a path, a non-http scheme or garbage", () => {
    expect(() => siteOrigin({ PORT: 1 }, { PORTAL_SITE_URL: "https://x.example/minhbach" })).toThrow(/without a path/);
    expect(() => siteOrigin({ PORT: 1 }, { PORTAL_SITE_URL: "ftp://x.example" })).toThrow(/http/);
    expect(() => siteOrigin({ PORT: 1 }, { PORTAL_SITE_URL: "minhbach" })).toThrow(/not a URL/);
  });
});
