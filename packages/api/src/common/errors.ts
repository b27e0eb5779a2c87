/** Error codes the API answers with. Why a list: clients branch on `extensions.code`, so the codes are part of the contract. */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  NO_RELEASE: "NO_RELEASE",
  QUERY_TOO_DEEP: "QUERY_TOO_DEEP",
  TOO_MANY_ALIASES: "TOO_MANY_ALIASES",
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  INTROSPECTION_TOO_DEEP: "INTROSPECTION_TOO_DEEP",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  TIMEOUT: "TIMEOUT",
  RATE_LIMITED: "RATE_LIMITED",
  /** The public store's database cannot be reached (HTTP 503 with Retry-After); the server recovers by itself. */
  STORE_UNAVAILABLE: "STORE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

export type ErrorCodeName = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes raised by our own validation rules; Apollo wraps them as GRAPHQL_VALIDATION_FAILED and formatError restores them. */
export const LIMIT_CODES: ReadonlySet<string> = new Set([ErrorCode.QUERY_TOO_DEEP, ErrorCode.TOO_MANY_ALIASES, ErrorCode.QUERY_TOO_COMPLEX, ErrorCode.INTROSPECTION_TOO_DEEP]);

/** Driver and Prisma signs that the database is down or unreachable (not a bug in the query). */
const UNREACHABLE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|Connection terminated|connection timeout|Can't reach database|Server has closed the connection|DatabaseNotReachable|terminating connection/i;
const UNREACHABLE_CODES = new Set(["P1001", "P1002", "P1017", "57P01", "57P03", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE"]);

/** True when an error (or one of its causes) says the store's database cannot be reached. */
export function isStoreUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 6; depth++) {
    const o = e as { code?: unknown; message?: unknown; cause?: unknown; originalError?: unknown };
    if (typeof o.code === "string" && UNREACHABLE_CODES.has(o.code)) return true;
    if (typeof o.message === "string" && UNREACHABLE.test(o.message)) return true;
    e = o.originalError ?? o.cause;
  }
  return false;
}
