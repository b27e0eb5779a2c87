/**
 * Ten worked journalist queries. Why in code: the explorer opens with them as tabs. docs/api.md shows the same ten;
 * src/test/docs-queries.test.ts runs both (the docs' blocks parsed from the file) against the demo release and checks
 * they are the same queries, so the tabs, the docs and the demo data cannot drift apart. Codes are the demo's.
 */
export interface ExampleQuery {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const EXAMPLE_QUERIES: ExampleQuery[] = [
  {
    title: "1. Which release am I citing, and what did corrections change?",
    query: `query Citation {
  release { id title createdAt checksum synthetic disclosureK years }
  releases { id changeNote supersedes { id } }
}`,
  },
  {
    title: "2. Find a commune without Vietnamese diacritics",
    query: `query Find($text: String!) {
  search(text: $text, first: 5) { code name level typeLabel validTo ancestors { name } }
}`,
    variables: { text: "luc binh" },
  },
  {
    title: "3. Poverty rate of one commune, year by year (with sources)",
    query: `query Series($code: ID!) {
  unit(code: $code) {
    name
    poverty { year poorRate { value status note } nearPoorRate { value } poor { value } households { value } synthetic
      sources { title publisher synthetic } }
  }
}`,
    variables: { code: "01990" },
  },
  {
    title: "4. All communes of a district in one year",
    query: `query District($district: ID!, $year: Int!) {
  units(parentCode: $district, level: COMMUNE, first: 100) {
    totalCount
    nodes { code name poverty(year: $year) { poorRate { value status note } households { value } } }
  }
}`,
    variables: { district: "063", year: 2023 },
  },
  {
    title: "5. Which communes of a province cut poverty fastest? (every commune's series, compare first and last year)",
    query: `query Fastest($province: ID!) {
  unit(code: $province) {
    name
    children(first: 20) {
      nodes { name children(first: 50) { nodes { code name poverty { year poorRate { value status } } } } }
    }
  }
}`,
    variables: { province: "06" },
  },
  {
    title: "6. What was spent in a commune? Projects, budgets and households reached",
    query: `query Spending($code: ID!) {
  unit(code: $code) {
    name
    projects(first: 50) {
      totalCount
      nodes { code name budgetVnd disbursedVnd households { value status note } villages { name } statusLabel }
    }
  }
}`,
    variables: { code: "01990" },
  },
  {
    title: "7. One project in detail, with funding sources and citations",
    query: `query Project($code: ID!) {
  project(code: $code) {
    name programme component budgetVnd disbursedVnd startDate status
    households { value status }
    funding { source sourceLabel budgetVnd disbursedVnd }
    villages { code name parent { name } }
    sources { title publisher url synthetic }
  }
}`,
    variables: { code: "LB-2023-DE" },
  },
  {
    title: "8. Policy credit and jobs in a commune in one year",
    query: `query Support($code: ID!, $year: Int!) {
  unit(code: $code) {
    name
    credit(year: $year) { programme loanTurns { value } outstandingVnd sources { title } }
    jobs(year: $year) { domestic { value } abroad { value status note } }
  }
}`,
    variables: { code: "01990", year: 2023 },
  },
  {
    title: "9. What happened to a unit in the 2025 reform?",
    query: `query Reform($code: ID!) {
  unit(code: $code) {
    name typeLabel validTo
    successors { kind kindLabel effectiveDate legalBasis to { code name typeLabel parent { name } } }
  }
  merged: unit(code: "01969") {
    name validFrom
    predecessors { from { code name typeLabel } legalBasis }
    children { nodes { code name parentHistory { parentCode validFrom validTo } } }
  }
}`,
    variables: { code: "01969.2025" },
  },
  {
    title: "10. Which deprivations are most common? (labels in English)",
    query: `query Deprivations($code: ID!, $year: Int!) {
  unit(code: $code) {
    name
    poverty(year: $year) {
      standard { id legalBasis }
      deprivations { indicator { code label(lang: EN) dimension(lang: EN) } households { value status } share { value status note } }
    }
  }
}`,
    variables: { code: "01990", year: 2023 },
  },
];
