/** Public entry of @minhbach/api: build the app (tests, scripts/start.ts) or start the server. */
export { createApp, startServer, type App, type AppOptions, type StartOptions } from "./app/create-app.js";
export { EXAMPLE_QUERIES } from "./http/examples.js";
