import { describe, expect, it } from "vitest";
import { handleOEmbed, parsePortalUrl } from "./oembed.js";

const origin = "https://minhbach.example";
const lookup = (code: string) => (code === "01990" || code === "01990-01" ? { code, name: code === "01990" ? "Lục Bình" : "Lủng Chang", page: "01990" } : undefined);

describe("oEmbed handler", () => {
  it("answers a rich iframe for profile and widget URLs, in the URL's language", () => {
    const vi = handleOEmbed({ url: `${origin}/unit/01990/`, format: "json" }, { origin, lookup });
    expect(vi.status).toBe(200);
    const doc = JSON.parse(vi.body);
    expect(doc).toMatchObject({ version: "1.0", type: "rich", provider_name: "Minh Bạch", width: 480, height: 260 });
    expect(doc.html).toContain(`${origin}/embed/unit/01990/card/`);
    expect(doc.html).toContain(`${origin}/embed.js`);
    const en = JSON.parse(handleOEmbed({ url: `${origin}/embed/unit/01990/map/?lang=en&release=2026.1`, maxwidth: "320" }, { origin, lookup }).body);
    expect(en.html).toContain("/embed/unit/01990/map/?lang=en&amp;release=2026.1");
    expect(en.width).toBe(320);
  });

  it("never exceeds maxwidth × maxheight, in the document or the iframe, and caps embed.js's auto-height (oEmbed §2.2)", () => {
    const doc = JSON.parse(handleOEmbed({ url: `${origin}/en/unit/01990/`, maxwidth: "300", maxheight: "120" }, { origin, lookup }).body);
    expect([doc.width, doc.height]).toEqual([300, 120]);
    expect(doc.html).toContain('width="300" height="120"');
    expect(doc.html).toContain("max-height:120px");
    expect(doc.html).toContain('data-max-height="120"');
    expect(doc.title).toBe("Minh Bạch: Lục Bình — poverty rate");
    const free = JSON.parse(handleOEmbed({ url: `${origin}/unit/01990/`, maxwidth: "0" }, { origin, lookup }).body);
    expect([free.width, free.height]).toEqual([480, 260]);
    expect(free.html).not.toContain("data-max-height");
  });

  it("refuses other sites, unknown units and formats other than JSON", () => {
    expect(handleOEmbed({ url: "https://evil.example/unit/01990/" }, { origin, lookup }).status).toBe(404);
    expect(handleOEmbed({ url: `${origin}/unit/99999/` }, { origin, lookup }).status).toBe(404);
    expect(handleOEmbed({ url: `${origin}/unit/01990/`, format: "xml" }, { origin, lookup }).status).toBe(501);
    expect(handleOEmbed({ url: null }, { origin, lookup }).status).toBe(400);
  });

  it("reads a village anchor on a commune page as the village", () => {
    expect(parsePortalUrl(`${origin}/en/unit/01990/#v-01990-01`, origin)).toMatchObject({ code: "01990-01", lang: "EN", widget: "card" });
  });
});
