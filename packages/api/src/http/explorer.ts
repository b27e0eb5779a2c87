/**
 * The explorer page at /graphql in a browser: GraphiQL with example journalist queries, its scripts and styles served
 * from npm-installed packages (no CDN), so it works offline.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type { ServerResponse } from "node:http";
import { EXAMPLE_QUERIES } from "./examples.js";
import { htmlCsp } from "./security-headers.js";

const require = createRequire(import.meta.url);
const fileOf = (pkg: string, rel: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), rel);

/** URL path → file of an installed package. */
const ASSETS: Record<string, { file: string; type: string }> = {
  "react.js": { file: fileOf("react", "umd/react.production.min.js"), type: "text/javascript; charset=utf-8" },
  "react-dom.js": { file: fileOf("react-dom", "umd/react-dom.production.min.js"), type: "text/javascript; charset=utf-8" },
  "graphiql.js": { file: fileOf("graphiql", "graphiql.min.js"), type: "text/javascript; charset=utf-8" },
  "graphiql.css": { file: fileOf("graphiql", "graphiql.min.css"), type: "text/css; charset=utf-8" },
};

export const EXPLORER_ASSET_PREFIX = "/graphql/explorer/";

const assetCache = new Map<string, Buffer>();

/** Serves one explorer asset; returns false when the name is unknown. */
export function serveExplorerAsset(name: string, res: ServerResponse): boolean {
  const asset = ASSETS[name];
  if (!asset) return false;
  let body = assetCache.get(name);
  if (!body) assetCache.set(name, (body = fs.readFileSync(asset.file)));
  res.writeHead(200, { "content-type": asset.type, "content-length": body.length, "cache-control": "public, max-age=86400" });
  res.end(body);
  return true;
}

export function explorerHtml(): string {
  const tabs = JSON.stringify(EXAMPLE_QUERIES.map((q) => ({ query: `# ${q.title}\n${q.query}`, variables: q.variables ? JSON.stringify(q.variables, null, 2) : undefined })));
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Minh Bạch API explorer</title>
<link rel="stylesheet" href="${EXPLORER_ASSET_PREFIX}graphiql.css">
<style>html,body,#graphiql{height:100%;margin:0}</style>
</head>
<body>
<div id="graphiql">Loading the explorer…</div>
<script src="${EXPLORER_ASSET_PREFIX}react.js"></script>
<script src="${EXPLORER_ASSET_PREFIX}react-dom.js"></script>
<script src="${EXPLORER_ASSET_PREFIX}graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: new URL("/graphql", location.href).toString() });
  const root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true, defaultTabs: ${tabs.replace(/</g, "\\u003c")} }));
</script>
</body>
</html>`;
}

let page: { body: Buffer; csp: string } | undefined;

/** The page never changes while the process runs: built once, with a CSP that allows exactly its inline script. */
export function serveExplorer(res: ServerResponse): void {
  const html = explorerHtml();
  page ??= { body: Buffer.from(html, "utf8"), csp: htmlCsp(html, false) };
  const { body, csp } = page;
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length, "cache-control": "no-cache", "content-security-policy": csp });
  res.end(body);
}
