/** Read-side helpers shared by the API and the portal: rates, labels, number formatting. */
export * from "./labels.js";
export * from "./rates.js";
export * from "./format.js";
