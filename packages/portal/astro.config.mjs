// Astro configuration: a static site (no server), one folder per page. Why env-driven: the build script decides the
// snapshot, the public URL and the output folder (tests and the benchmark build into temporary folders).
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "static",
  // Set by src/build/pipeline.ts from siteOrigin() (PORTAL_SITE_URL, else http://localhost:<PORT>): no second default here.
  site: process.env.PORTAL_SITE_URL,
  outDir: process.env.PORTAL_OUT_DIR || "./dist",
  trailingSlash: "ignore",
  build: { format: "directory", inlineStylesheets: "always" },
  compressHTML: false,
  devToolbar: { enabled: false },
  vite: { build: { assetsInlineLimit: 0 }, logLevel: "warn" },
});
