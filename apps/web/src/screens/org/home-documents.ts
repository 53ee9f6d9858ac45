// What the home page asks: per kind of organization, what waits on it now. One query, its parts
// switched on by kind and role (@include), each part an existing query of its subgraph.
import { graphql } from '../../graphql/generated';

export const HOME_ACTIONS = graphql(`
  query HomeActions(
    $organizationId: ID!
    $marketplace: Boolean!
    $employer: Boolean!
    $institution: Boolean!
    $umbrellaAdmin: Boolean!
    $operator: Boolean!
  ) {
    proposalsToUs: partnerships(
      organizationId: $organizationId
      filter: { state: PROPOSED, direction: PROPOSED_TO_US }
      first: 1
    ) @include(if: $marketplace) {
      totalCount
    }
    acceptedPartnerships: partnerships(
      organizationId: $organizationId
      filter: { state: ACCEPTED }
      first: 100
    ) @include(if: $marketplace) {
      edges {
        node {
          id
        }
      }
    }
    needs: skillNeeds(filter: { organizationId: $organizationId }, first: 1) @include(if: $employer) {
      totalCount
    }
    openNeeds: skillNeeds(filter: { organizationId: $organizationId, status: OPEN }, first: 1)
      @include(if: $employer) {
      totalCount
    }
    capabilityProfile(organizationId: $organizationId) @include(if: $institution) {
      version
    }
    credentialDesigns(organizationId: $organizationId, first: 100) {
      edges {
        node {
          id
          stage
          reviewOverdue
          partnershipId
          waitingOn {
            id
          }
        }
      }
    }
    issuable: credentials(filter: { issuerId: $organizationId }, first: 1) @include(if: $institution) {
      totalCount
    }
    umbrella: organization(id: $organizationId) @include(if: $umbrellaAdmin) {
      id
      umbrellaJoinRequests {
        id
        state
        requestedAt
        organization {
          id
          name
        }
      }
    }
    unverified: organizations(filter: { verified: false }, first: 20) @include(if: $operator) {
      totalCount
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`);

export const VERIFY_ORGANIZATION = graphql(`
  mutation VerifyOrganization($id: ID!) {
    verifyOrganization(id: $id) {
      id
      verified
    }
  }
`);
