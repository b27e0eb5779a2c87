/** Geometry helpers for unit boundaries, shared by the boundary importer and the portal. */
export * from "./types.js";
export * from "./bbox.js";
export * from "./centroid.js";
export * from "./simplify.js";
export * from "./validate.js";
