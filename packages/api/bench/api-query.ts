/** The query `pnpm bench:api` measures: the typical commune profile the portal shows (shared by the bench, the profiler and the fast-path tests). */
export const PROFILE = `query Profile($code: ID!) { unit(code: $code) { code name level typeLabel validFrom validTo
  ancestors { code name } successors { kind effectiveDate legalBasis to { code name } }
  poverty { year households { value status } poor { value status note } nearPoor { value status note }
    poorRate { value status note } nearPoorRate { value status note } synthetic sources { title publisher } }
  projects(first: 10) { totalCount nodes { code name budgetVnd households { value status } } }
  credit { year loanTurns { value } outstandingVnd } jobs { year domestic { value } abroad { value } } } }`;

/** GET path of the profile of xã Lục Bình (01990). */
export const PROFILE_PATH = `/graphql?${new URLSearchParams({ query: PROFILE, variables: JSON.stringify({ code: "01990" }) })}`;
