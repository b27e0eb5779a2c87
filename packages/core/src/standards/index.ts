/** Poverty standards: the indicator catalogue, the versioned standards, and classification. */
export * from "./indicators.js";
export * from "./standards.js";
export * from "./classify.js";
