// The public catalogue's GraphQL operations: search with facets and paging, one credential's
// public page (its entry, the pathways it counts toward, where it is recognized), and a learner's
// progress toward pathways. Their types are generated from the schema (graphql/generated).
import { graphql } from '../../graphql/generated';
import type { CatalogueSearchQuery } from '../../graphql/generated/graphql';

export type CatalogueHit = CatalogueSearchQuery['searchCredentials']['edges'][number]['node'];
export type CatalogueFacet = CatalogueSearchQuery['searchCredentials']['facets'][number];

graphql(`
  fragment CatalogueEntryFields on CatalogueEntry {
    credential {
      id
      title
    }
    issuerName
    description
    language
    deliveryMode
    hours
    price
    credit
    transcriptable
    endorsementCount
    issuerRegion
    issuerSize
    publishedAt
  }
`);

export const CATALOGUE_SEARCH = graphql(`
  query CatalogueSearch($query: String, $filter: CatalogueFilter, $sort: CatalogueSort, $after: String) {
    searchCredentials(query: $query, filter: $filter, sort: $sort, first: 20, after: $after) {
      totalCount
      sort
      edges {
        cursor
        node {
          ...CatalogueEntryFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      facets {
        name
        values {
          value
          count
        }
      }
      facetOrganizationNames {
        id
        name
      }
    }
  }
`);

export const CATALOGUE_CREDENTIAL = graphql(`
  query CatalogueCredential($id: ID!) {
    catalogueEntry(credentialId: $id) {
      ...CatalogueEntryFields
      retired
    }
    pathways(credentialId: $id) {
      id
      title
      rule
      requiredCount
      ownerName
      target {
        id
        title
      }
      steps {
        position
        credential {
          id
          title
        }
      }
    }
    recognitions(credentialId: $id) {
      id
      institutionName
      creditAmount
      creditUnit
      conditions
      pathway {
        id
        title
      }
    }
  }
`);

export const MY_PATHWAY_PROGRESS = graphql(`
  query MyPathwayProgress {
    myPathwayProgress {
      pathway {
        id
        title
        target {
          id
          title
        }
      }
      earned
      required
      complete
      steps {
        status
        credential {
          id
          title
        }
      }
    }
  }
`);

/** Published credentials that already teach any of these skills (a skill need's), most endorsed first. */
export const CREDENTIALS_TEACHING = graphql(`
  query CredentialsTeaching($skillIds: [ID!]!) {
    searchCredentials(filter: { skillIds: $skillIds }, sort: MOST_ENDORSED, first: 10) {
      totalCount
      edges {
        node {
          ...CatalogueEntryFields
        }
      }
    }
  }
`);
