/**
 * The GraphQL documents the portal is built from (the public API contract, schema.graphql). Why plain strings in one
 * file: a reviewer sees exactly what the portal asks the API for, and the API's schema test catches renamed fields.
 */
const MEASURE = "{ value status }";
const COVERAGE = "coverage { reported expected }";
const UNIT_REF = "code name level type";

export const RELEASES_QUERY = /* GraphQL */ `
  query PortalReleases {
    releases { id seq title createdAt checksum changeNote supersedes { id } synthetic disclosureK years latest }
  }`;

export const RELEASE_QUERY = /* GraphQL */ `
  query PortalRelease($release: ID) {
    release(id: $release) {
      id
      sources { id title publisher url date kind synthetic }
      standards {
        id name legalBasis fromYear toYear ruralLine urbanLine minDeprived
        vi: indicators(lang: VI) { code ordinal standard label dimension }
        en: indicators(lang: EN) { code label dimension }
      }
    }
  }`;

/** What this API offers (the build adapts to an API before and after officially reported figures and national units). */
export const SCHEMA_QUERY = /* GraphQL */ `
  query PortalSchema {
    levels: __type(name: "UnitLevel") { enumValues { name } }
    unit: __type(name: "Unit") { fields { name } }
  }`;

/** Officially reported figures (all years, every source side by side). */
export const OFFICIAL = "officialFigures { year poorHouseholds poorRate nearPoorHouseholds nearPoorRate totalHouseholds quality qualityNote source { title publisher url date } }";

/** One page of units of a level with everything a profile page shows (with official figures when the API has them). */
export const unitsQuery = (official: boolean) => UNITS_QUERY.replace("projects(first: 100) { nodes { code } }", `projects(first: 100) { nodes { code } }${official ? `\n        ${OFFICIAL}` : ""}`);

const UNITS_QUERY = /* GraphQL */ `
  query PortalUnits($level: UnitLevel!, $after: String, $first: Int!, $release: ID) {
    units(level: $level, first: $first, after: $after, release: $release) {
      pageInfo { hasNextPage endCursor }
      nodes {
        ${UNIT_REF} gsoCode validFrom validTo synthetic geometryIllustrative geometry
        centroid { lat lng }
        parent { code }
        ancestors { ${UNIT_REF} }
        parentHistory { parentCode validFrom validTo parent { name } }
        successors { kind effectiveDate legalBasis note from { ${UNIT_REF} } to { ${UNIT_REF} parent { ${UNIT_REF} } } }
        predecessors { kind effectiveDate legalBasis note from { ${UNIT_REF} } to { ${UNIT_REF} } }
        children(first: 100) { totalCount nodes { ${UNIT_REF} } }
        poverty {
          year synthetic ${COVERAGE} standard { id } sources { id }
          households ${MEASURE} poor ${MEASURE} nearPoor ${MEASURE} poorRate ${MEASURE} nearPoorRate ${MEASURE}
          newlyPoor ${MEASURE} rePoor ${MEASURE} escapedPoor ${MEASURE} projectParticipants ${MEASURE}
          deprivations { indicator { code } households ${MEASURE} share ${MEASURE} }
        }
        credit { year programme loanTurns ${MEASURE} outstandingVnd synthetic sources { id } }
        jobs { year domestic ${MEASURE} abroad ${MEASURE} synthetic sources { id } }
        projects(first: 100) { nodes { code } }
      }
    }
  }`;

/** Children beyond the first 100 of a unit (a district with many communes). */
export const CHILDREN_QUERY = /* GraphQL */ `
  query PortalChildren($code: ID!, $after: String, $release: ID) {
    unit(code: $code, release: $release) {
      children(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${UNIT_REF} } }
    }
  }`;

export const PROJECTS_QUERY = /* GraphQL */ `
  query PortalProjects($after: String, $release: ID) {
    projects(first: 100, after: $after, release: $release) {
      pageInfo { hasNextPage endCursor }
      nodes {
        code name programme component budgetVnd disbursedVnd households ${MEASURE} startDate endDate status decisionRef
        synthetic sources { id } funding { source budgetVnd disbursedVnd }
        villages { ${UNIT_REF} ancestors { ${UNIT_REF} } }
      }
    }
  }`;

/** Key figures of every unit in an earlier release (for permalinks and embeds pinned to that release). */
export const HISTORY_QUERY = /* GraphQL */ `
  query PortalHistory($level: UnitLevel!, $after: String, $first: Int!, $release: ID) {
    units(level: $level, first: $first, after: $after, release: $release) {
      pageInfo { hasNextPage endCursor }
      nodes {
        code
        poverty {
          year ${COVERAGE} standard { id }
          households ${MEASURE} poor ${MEASURE} nearPoor ${MEASURE} poorRate ${MEASURE} nearPoorRate ${MEASURE}
        }
      }
    }
  }`;
