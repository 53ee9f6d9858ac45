// The trust screens' GraphQL operations (credentials, endorsements, sponsorships, adoptions,
// awards, batches, transcripts), typed for the screens that use them.
import { gql, type TypedDocumentNode } from '@apollo/client';

export interface OrganizationRef {
  id: string;
  name: string;
}
export interface Endorsement {
  id: string;
  organization: OrganizationRef;
  inDemand: boolean;
  assessmentReflectsJobPerformance: boolean;
  comment: string | null;
  createdAt: string;
  withdrawnAt: string | null;
}
export interface CredentialSummary {
  id: string;
  title: string;
  publishedAt: string;
  issuer: OrganizationRef;
  endorsements: Array<{ id: string; withdrawnAt: string | null; organization: { id: string } }>;
  sponsorships: Array<{ id: string; umbrella: OrganizationRef }>;
  adoptions: Array<{ id: string; institution: OrganizationRef; umbrella: OrganizationRef }>;
}

const SUMMARY_FIELDS = `
  id
  title
  publishedAt
  issuer { id name }
  endorsements { id withdrawnAt organization { id } }
  sponsorships { id umbrella { id name } }
  adoptions { id institution { id name } umbrella { id name } }
`;

/** Published credentials, newest first: the 50 newest (the gateway's cost limit allows no more with their endorsements, sponsorships and adoptions). */
export const CREDENTIALS: TypedDocumentNode<{ credentials: { totalCount: number | null; edges: Array<{ node: CredentialSummary }> } }, { issuerId?: string | null }> = gql`
  query TrustCredentials($issuerId: ID) {
    credentials(filter: { issuerId: $issuerId }, first: 50) {
      totalCount
      edges {
        node {
          ${SUMMARY_FIELDS}
        }
      }
    }
  }
`;

export interface CredentialDetail extends Omit<CredentialSummary, 'endorsements'> {
  designId: string;
  framework: { id: string; name: string; version: string };
  endorsements: Endorsement[];
  endorsementsBySector: Array<{ sector: string | null; name: string; endorsements: Endorsement[] }>;
}
const ENDORSEMENT_FIELDS = 'id organization { id name } inDemand assessmentReflectsJobPerformance comment createdAt withdrawnAt';

export const CREDENTIAL: TypedDocumentNode<{ credential: CredentialDetail | null }, { id: string }> = gql`
  query TrustCredential($id: ID!) {
    credential(id: $id) {
      ${SUMMARY_FIELDS}
      designId
      framework { id name version }
      endorsements { ${ENDORSEMENT_FIELDS} }
      endorsementsBySector { sector name endorsements { ${ENDORSEMENT_FIELDS} } }
    }
  }
`;

export interface Contributions {
  designers: Array<{ organization: OrganizationRef; isIssuer: boolean; versionsAuthored: number }>;
  reviewers: Array<{ organization: OrganizationRef; approvals: number; lastApprovedAt: string | null }>;
  endorsers: Array<{ organization: OrganizationRef; endorsedAt: string; withdrawn: boolean }>;
  sponsors: Array<{ organization: OrganizationRef; since: string }>;
  adopters: Array<{ organization: OrganizationRef; umbrella: OrganizationRef; since: string }>;
  issuers: Array<{ organization: OrganizationRef; active: number; revoked: number }>;
}
export const CONTRIBUTIONS: TypedDocumentNode<{ credential: { id: string; contributions: Contributions } | null }, { id: string }> = gql`
  query TrustContributions($id: ID!) {
    credential(id: $id) {
      id
      contributions {
        designers { organization { id name } isIssuer versionsAuthored }
        reviewers { organization { id name } approvals lastApprovedAt }
        endorsers { organization { id name } endorsedAt withdrawn }
        sponsors { organization { id name } since }
        adopters { organization { id name } umbrella { id name } since }
        issuers { organization { id name } active revoked }
      }
    }
  }
`;

export const ORGANIZATION_UMBRELLAS: TypedDocumentNode<{ organization: { id: string; umbrellas: OrganizationRef[]; memberOrganizations: Array<OrganizationRef & { kind: string }> } | null }, { id: string }> = gql`
  query TrustOrganizationUmbrellas($id: ID!) {
    organization(id: $id) {
      id
      umbrellas { id name }
      memberOrganizations { id name kind }
    }
  }
`;

export const ENDORSE: TypedDocumentNode<{ endorseCredential: { id: string } }, { credentialId: string; organizationId: string; input: { inDemand: boolean; assessmentReflectsJobPerformance: boolean; comment: string | null } }> = gql`
  mutation EndorseCredential($credentialId: ID!, $organizationId: ID!, $input: EndorsementInput!) {
    endorseCredential(credentialId: $credentialId, organizationId: $organizationId, input: $input) {
      id
    }
  }
`;
export const WITHDRAW_ENDORSEMENT: TypedDocumentNode<{ withdrawEndorsement: { id: string; withdrawnAt: string | null } }, { id: string }> = gql`
  mutation WithdrawEndorsement($id: ID!) {
    withdrawEndorsement(id: $id) {
      id
      withdrawnAt
    }
  }
`;
export const SPONSOR: TypedDocumentNode<{ sponsorCredential: { id: string } }, { credentialId: string; umbrellaId: string }> = gql`
  mutation SponsorCredential($credentialId: ID!, $umbrellaId: ID!) {
    sponsorCredential(credentialId: $credentialId, umbrellaId: $umbrellaId) {
      id
    }
  }
`;
export const ADOPT: TypedDocumentNode<{ adoptSharedCredential: { id: string } }, { credentialId: string; institutionId: string }> = gql`
  mutation AdoptSharedCredential($credentialId: ID!, $institutionId: ID!) {
    adoptSharedCredential(credentialId: $credentialId, institutionId: $institutionId) {
      id
    }
  }
`;

export interface Award {
  id: string;
  publicUrl: string;
  status: 'ACTIVE' | 'REVOKED';
  credentialId: string;
  recipientName: string;
  score: number;
  attempt: number;
  awardedAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
  issuer: OrganizationRef;
}
const AWARD_FIELDS = 'id publicUrl status credentialId recipientName score attempt awardedAt revokedAt revokedReason issuer { id name }';

export const AWARDS: TypedDocumentNode<{ awards: { totalCount: number | null; edges: Array<{ node: Award }> } }, { filter: { issuerId?: string; credentialId?: string; status?: 'ACTIVE' | 'REVOKED' } }> = gql`
  query IssuerAwards($filter: AwardFilter) {
    awards(filter: $filter, first: 100) {
      totalCount
      edges {
        node { ${AWARD_FIELDS} }
      }
    }
  }
`;

export interface AwardInput {
  credentialId: string;
  issuerId: string;
  recipient: { email: string; name: string };
  result: { score: number; attempt: number };
  evidence?: Array<{ url?: string | null; narrative?: string | null }>;
}
export const AWARD: TypedDocumentNode<{ awardCredential: Award }, { input: AwardInput }> = gql`
  mutation AwardCredential($input: AwardInput!) {
    awardCredential(input: $input) { ${AWARD_FIELDS} }
  }
`;
export const REVOKE: TypedDocumentNode<{ revokeAward: Award }, { id: string; reason: string }> = gql`
  mutation RevokeAward($id: ID!, $reason: String!) {
    revokeAward(id: $id, reason: $reason) { ${AWARD_FIELDS} }
  }
`;

export interface AwardBatch {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE';
  total: number;
  succeeded: number;
  failed: number;
  finishedAt: string | null;
  items: Array<{ position: number; recipientName: string; score: number; status: 'PENDING' | 'AWARDED' | 'FAILED'; awardId: string | null; errorCode: string | null; errorMessage: string | null }>;
}
const BATCH_FIELDS = 'id status total succeeded failed finishedAt items { position recipientName score status awardId errorCode errorMessage }';
export const AWARD_BATCH_START: TypedDocumentNode<{ awardCredentialBatch: AwardBatch }, { input: { credentialId: string; issuerId: string; learners: Array<Omit<AwardInput, 'credentialId' | 'issuerId'>> } }> = gql`
  mutation AwardCredentialBatch($input: AwardBatchInput!) {
    awardCredentialBatch(input: $input) { ${BATCH_FIELDS} }
  }
`;
export const AWARD_BATCH: TypedDocumentNode<{ awardBatch: AwardBatch | null }, { id: string }> = gql`
  query AwardBatchProgress($id: ID!) {
    awardBatch(id: $id) { ${BATCH_FIELDS} }
  }
`;

export const MY_AWARDS: TypedDocumentNode<{ myAwards: { totalCount: number | null; edges: Array<{ node: Award & { openBadge: Record<string, unknown> } }> } }> = gql`
  query MyAwards {
    myAwards(first: 100) {
      totalCount
      edges {
        node { ${AWARD_FIELDS} openBadge }
      }
    }
  }
`;
export const MY_TRANSCRIPT: TypedDocumentNode<{ myTranscript: Record<string, unknown> }> = gql`
  query MyTranscript {
    myTranscript
  }
`;
