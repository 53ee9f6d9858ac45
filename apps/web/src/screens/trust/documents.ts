// The trust screens' GraphQL operations (credentials, endorsements, sponsorships, adoptions,
// awards, batches, transcripts). Their types are generated from the schema (graphql/generated).
import { graphql } from '../../graphql/generated';
import type {
  CredentialSummaryFragment,
  EndorsementFieldsFragment,
  AwardFieldsFragment,
  AwardBatchFieldsFragment,
  TrustContributionsQuery,
  TrustCredentialQuery,
} from '../../graphql/generated/graphql';

export type CredentialSummary = CredentialSummaryFragment;
export type Endorsement = EndorsementFieldsFragment;
export type Award = AwardFieldsFragment;
export type AwardBatch = AwardBatchFieldsFragment;
export type CredentialDetail = NonNullable<TrustCredentialQuery['credential']>;
export type Contributions = NonNullable<TrustContributionsQuery['credential']>['contributions'];

graphql(`
  fragment CredentialSummary on Credential {
    id
    title
    publishedAt
    assessment {
      masteryThreshold
      attemptsAllowed
    }
    issuer {
      id
      name
    }
    endorsements {
      id
      withdrawnAt
      organization {
        id
      }
    }
    sponsorships {
      id
      umbrella {
        id
        name
      }
    }
    adoptions {
      id
      institution {
        id
        name
      }
      umbrella {
        id
        name
      }
    }
  }
`);

/** Published credentials, newest first: the 50 newest (the gateway's cost limit allows no more with their endorsements, sponsorships and adoptions). */
export const CREDENTIALS = graphql(`
  query TrustCredentials($issuerId: ID) {
    credentials(filter: { issuerId: $issuerId }, first: 50) {
      totalCount
      edges {
        node {
          ...CredentialSummary
        }
      }
    }
  }
`);

graphql(`
  fragment EndorsementFields on Endorsement {
    id
    organization {
      id
      name
    }
    inDemand
    assessmentReflectsJobPerformance
    comment
    createdAt
    withdrawnAt
  }
`);

export const CREDENTIAL = graphql(`
  query TrustCredential($id: ID!) {
    credential(id: $id) {
      id
      title
      publishedAt
      issuer {
        id
        name
      }
      sponsorships {
        id
        umbrella {
          id
          name
        }
      }
      adoptions {
        id
        institution {
          id
          name
        }
        umbrella {
          id
          name
        }
      }
      designId
      contributionsVisible
      framework {
        id
        name
        version
      }
      endorsements {
        ...EndorsementFields
      }
      endorsementsBySector {
        sector
        name
        endorsements {
          ...EndorsementFields
        }
      }
    }
  }
`);

export const CONTRIBUTIONS = graphql(`
  query TrustContributions($id: ID!) {
    credential(id: $id) {
      id
      contributions {
        designers {
          organization {
            id
            name
          }
          isIssuer
          versionsAuthored
        }
        reviewers {
          organization {
            id
            name
          }
          approvals
          lastApprovedAt
        }
        endorsers {
          organization {
            id
            name
          }
          endorsedAt
          withdrawn
        }
        sponsors {
          organization {
            id
            name
          }
          since
        }
        adopters {
          organization {
            id
            name
          }
          umbrella {
            id
            name
          }
          since
        }
        issuers {
          organization {
            id
            name
          }
          active
          revoked
        }
      }
    }
  }
`);

export const ORGANIZATION_UMBRELLAS = graphql(`
  query TrustOrganizationUmbrellas($id: ID!) {
    organization(id: $id) {
      id
      umbrellas {
        id
        name
      }
      memberOrganizations {
        id
        name
        kind
      }
    }
  }
`);

export const ENDORSE = graphql(`
  mutation EndorseCredential($credentialId: ID!, $organizationId: ID!, $input: EndorsementInput!) {
    endorseCredential(credentialId: $credentialId, organizationId: $organizationId, input: $input) {
      id
    }
  }
`);
export const WITHDRAW_ENDORSEMENT = graphql(`
  mutation WithdrawEndorsement($id: ID!) {
    withdrawEndorsement(id: $id) {
      id
      withdrawnAt
    }
  }
`);
export const SPONSOR = graphql(`
  mutation SponsorCredential($credentialId: ID!, $umbrellaId: ID!) {
    sponsorCredential(credentialId: $credentialId, umbrellaId: $umbrellaId) {
      id
    }
  }
`);
export const ADOPT = graphql(`
  mutation AdoptSharedCredential($credentialId: ID!, $institutionId: ID!) {
    adoptSharedCredential(credentialId: $credentialId, institutionId: $institutionId) {
      id
    }
  }
`);

graphql(`
  fragment AwardFields on Award {
    id
    publicUrl
    status
    credentialId
    recipientName
    score
    attempt
    awardedAt
    revokedAt
    revokedReason
    issuer {
      id
      name
    }
  }
`);

export const AWARDS = graphql(`
  query IssuerAwards($filter: AwardFilter) {
    awards(filter: $filter, first: 100) {
      totalCount
      edges {
        node {
          ...AwardFields
        }
      }
    }
  }
`);

export const AWARD = graphql(`
  mutation AwardCredential($input: AwardInput!) {
    awardCredential(input: $input) {
      ...AwardFields
    }
  }
`);
export const REVOKE = graphql(`
  mutation RevokeAward($id: ID!, $reason: String!) {
    revokeAward(id: $id, reason: $reason) {
      ...AwardFields
    }
  }
`);

graphql(`
  fragment AwardBatchFields on AwardBatch {
    id
    status
    total
    succeeded
    failed
    finishedAt
    items {
      position
      recipientName
      score
      status
      awardId
      errorCode
      errorMessage
    }
  }
`);
export const AWARD_BATCH_START = graphql(`
  mutation AwardCredentialBatch($input: AwardBatchInput!) {
    awardCredentialBatch(input: $input) {
      ...AwardBatchFields
    }
  }
`);
export const AWARD_BATCH = graphql(`
  query AwardBatchProgress($id: ID!) {
    awardBatch(id: $id) {
      ...AwardBatchFields
    }
  }
`);

export const MY_AWARDS = graphql(`
  query MyAwards {
    myAwards(first: 100) {
      totalCount
      edges {
        node {
          ...AwardFields
          openBadge
        }
      }
    }
  }
`);
export const MY_TRANSCRIPT = graphql(`
  query MyTranscript {
    myTranscript
  }
`);
