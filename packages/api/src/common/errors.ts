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
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

export type ErrorCodeName = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes raised by our own validation rules; Apollo wraps them as GRAPHQL_VALIDATION_FAILED and formatError restores them. */
export const LIMIT_CODES: ReadonlySet<string> = new Set([ErrorCode.QUERY_TOO_DEEP, ErrorCode.TOO_MANY_ALIASES, ErrorCode.QUERY_TOO_COMPLEX, ErrorCode.INTROSPECTION_TOO_DEEP]);
