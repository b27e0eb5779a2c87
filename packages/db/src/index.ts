export * from "./migrate.js";
export * from "./sqlite-url.js";
export * from "./release-content.js";
export * from "./release-writer.js";
export * from "./release-fixtures.js";
export * from "./test-stores.js";
