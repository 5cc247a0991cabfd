// Every operation the app sends, typed by graphql-codegen from the committed schema.graphql.
import { graphql } from "./gql";

export const SearchItems = graphql(`
  query SearchItems($text: String!, $limit: Int!) {
    searchItems(text: $text, limit: $limit) {
      kind
      key
      name
      detail
    }
  }
`);

export const SearchUnits = graphql(`
  query SearchUnits($text: String!, $limit: Int!) {
    searchUnits(text: $text, limit: $limit) {
      kind
      key
      name
      detail
    }
  }
`);

export const SearchRegions = graphql(`
  query SearchRegions($text: String!, $limit: Int!) {
    searchRegions(text: $text, limit: $limit) {
      kind
      key
      name
      detail
    }
  }
`);

export const Jurisdiction = graphql(`
  query Jurisdiction($item: String!, $place: String!, $at: Date, $asRecordedOn: Date) {
    jurisdiction(item: $item, place: $place, at: $at, asRecordedOn: $asRecordedOn) {
      item {
        code
        name
        category
      }
      place {
        code
        name
        kind
      }
      at
      status
      inForce
      explanation
      holders {
        holding
        unit {
          id
          name
          kind
        }
        role
        mode
        validFrom
        validTo
        scope {
          code
          name
        }
        carvedOut {
          code
          name
        }
        joint
        illustrative
        principal {
          id
          name
        }
        basis {
          provision
          lawTitle
          article
          text
          inForce
        }
        chain {
          act
          kind
          effective
          docNumber
          docTitle
          explanation
        }
      }
      counterparts {
        unit {
          id
          name
        }
        region {
          code
          name
        }
        agreement
        agreementTitle
      }
    }
  }
`);

export const Findings = graphql(`
  query Findings($at: Date, $filter: FindingFilter, $first: Int!, $after: String) {
    findings(at: $at, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          severity
          summary
          field
          item {
            code
            name
          }
          items {
            code
            name
          }
          units {
            id
            name
          }
          places {
            code
            name
          }
          acts
          holdings
          coordinator {
            id
            name
          }
          coordinatingGovernment {
            id
            name
          }
          designatingAuthority {
            id
            name
          }
          notified {
            id
            name
          }
          cause
        }
      }
    }
  }
`);

export const HeatFindings = graphql(`
  query HeatFindings($at: Date, $first: Int!, $after: String) {
    findings(at: $at, filter: { kinds: [OVERLAP, GAP] }, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          field
          places {
            code
          }
        }
      }
    }
  }
`);

export const GraphView = graphql(`
  query GraphView(
    $focus: String!
    $at: Date
    $depth: Int!
    $kinds: [GraphEdgeKind!]
    $limit: Int!
  ) {
    graph(focus: $focus, at: $at, depth: $depth, kinds: $kinds, limit: $limit) {
      focus
      at
      truncated
      totalNodes
      totalEdges
      nodes {
        id
        kind
        key
        label
        illustrative
        distance
        validFrom
        validTo
        properties {
          name
          value
        }
      }
      edges {
        id
        kind
        source
        target
        label
        role
        mode
        validFrom
        validTo
        scopes
        carvedOut
        acts
        items
      }
    }
  }
`);

export const History = graphql(`
  query History($kind: EntityKind!, $key: String!) {
    history(kind: $kind, key: $key) {
      revision
      operation
      changes {
        field
      }
      change {
        recordedAt
        recordedBy
        summary
        comment
        document
      }
    }
  }
`);

// The power list one page at a time (at most 200 rows a request; the biggest unit of a
// Beijing-scale dataset holds 1,304): pages/powers.ts follows endCursor to the end.
export const PowerListPage = graphql(`
  query PowerListPage($unit: String!, $at: Date, $first: Int!, $after: String) {
    powerListPage(unit: $unit, at: $at, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          item {
            code
            name
            category
          }
          role
          mode
          scopes {
            code
            name
          }
          carvedOut {
            code
            name
          }
          validFrom
          validTo
          acts
          illustrative
          basis {
            provision
            lawTitle
            article
            inForce
          }
        }
      }
    }
  }
`);
