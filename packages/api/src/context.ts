/** Per-request context: the store, the release list, fresh DataLoaders, the language and the deadline. */
import { GraphQLError } from "graphql";
import type { Lang } from "@minhbach/core/release/labels.ts";
import { ErrorCode } from "./common/errors.js";
import type { ReleaseRegistry } from "./release/release.service.js";
import { createLoaders, type Loaders } from "./store/loaders.js";
import type { RowCache } from "./store/row-cache.js";
import type { ApiStore } from "./store/public-store.js";

export interface ApiContext {
  store: ApiStore;
  releases: ReleaseRegistry;
  loaders: Loaders;
  lang: Lang;
  /** Epoch ms after which resolvers stop and the request answers TIMEOUT. */
  deadline: number;
}

export function createContext(store: ApiStore, releases: ReleaseRegistry, lang: Lang, timeoutMs: number, rows?: RowCache): ApiContext {
  return { store, releases, loaders: createLoaders(store.db, rows), lang, deadline: Date.now() + timeoutMs };
}

/** Called by services before each load: a request past its deadline stops instead of queueing more work. */
export function checkDeadline(ctx: ApiContext): void {
  if (Date.now() > ctx.deadline) throw new GraphQLError("The request took too long", { extensions: { code: ErrorCode.TIMEOUT, http: { status: 503 } } });
}
