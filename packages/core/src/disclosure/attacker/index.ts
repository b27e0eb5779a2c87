/** The attacker's public face: three attacks and the gate that combines them. */
export { linearAttack } from "./linear-attack.ts";
export { intervalAttack, type IntervalAttackResult, type IntervalAttackOptions } from "./interval-attack.ts";
export { runGate, smallPublishedCounts } from "./gate.ts";
export { decompose, type Decomposition } from "./decompose.ts";
