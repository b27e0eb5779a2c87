/**
 * Loads the HiGHS wasm solver once per process. The `highs` package ships CommonJS-style typings whose default
 * export TypeScript (NodeNext) sees as a namespace; at run time the ESM build's default export is the loader.
 */
import highsImport from "highs";
import type { Highs } from "highs";

type HighsLoader = () => Promise<Highs>;
const loader = ((highsImport as unknown as { default?: HighsLoader }).default ??
  (highsImport as unknown as HighsLoader)) as HighsLoader;

let loading: Promise<Highs> | undefined;

export function loadHighs(): Promise<Highs> {
  loading ??= loader();
  return loading;
}
