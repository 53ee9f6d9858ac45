// The co-development workspace's GraphQL operations and the shapes they return.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { PICKED_SKILL_FIELDS, type PickedSkill } from '../../ui/SkillPicker';

export const STAGES = [
  'DRAFT',
  'IN_REVIEW',
  'CHANGES_REQUESTED',
  'APPROVED',
  'PUBLISHED',
  'RETIRED',
] as const;
export type Stage = (typeof STAGES)[number];
export const METHODS = [
  'EXAM_QUIZ',
  'EMPLOYER_ASSESSMENT',
  'SIMULATION_CASE_STUDY',
  'REFLECTION',
  'VIDEO',
  'DEMONSTRATION_PRESENTATION',
  'VIRTUAL_LAB',
  'WRITTEN_ASSIGNMENT',
  'PORTFOLIO',
] as const;
export type Method = (typeof METHODS)[number];
export const OUTCOME_KINDS = ['KNOWLEDGE', 'SKILL', 'ATTITUDE'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
export const DELIVERY_MODES = ['ONLINE', 'IN_PERSON', 'HYBRID'] as const;
export const CAREER_STAGES = ['ENTRY', 'MID_CAREER', 'SENIOR', 'NEW_TO_SECTOR'] as const;

export interface OrganizationRef {
  id: string;
  name: string;
}
export interface Framework {
  id: string;
  key: string;
  name: string;
  version: string;
}

export const FRAMEWORKS: TypedDocumentNode<{ frameworks: Framework[] }> = gql`
  query Frameworks {
    frameworks {
      id
      key
      name
      version
    }
  }
`;

// ---- /designs

export interface DesignListItem {
  id: string;
  title: string;
  stage: Stage;
  version: number;
  updatedAt: string;
  reviewDueAt: string | null;
  reviewOverdue: boolean;
  issuer: OrganizationRef;
  partners: OrganizationRef[];
  waitingOn: OrganizationRef[];
}
export interface StageSummary {
  stage: Stage;
  current: number;
  averageMs: number;
  waitingOn: Array<{ organization: OrganizationRef; designs: number }>;
}
export const DESIGNS: TypedDocumentNode<
  { credentialDesigns: { edges: Array<{ node: DesignListItem }> }; designStageSummary: StageSummary[] },
  { organizationId: string; stage?: Stage | null }
> = gql`
  query CredentialDesigns($organizationId: ID!, $stage: DesignStage) {
    credentialDesigns(organizationId: $organizationId, stage: $stage, first: 100) {
      edges {
        node {
          id
          title
          stage
          version
          updatedAt
          reviewDueAt
          reviewOverdue
          issuer {
            id
            name
          }
          partners {
            id
            name
          }
          waitingOn {
            id
            name
          }
        }
      }
    }
    designStageSummary(organizationId: $organizationId) {
      stage
      current
      averageMs
      waitingOn {
        organization {
          id
          name
        }
        designs
      }
    }
  }
`;

export interface PartnershipOption {
  id: string;
  institution: OrganizationRef;
  employer: OrganizationRef;
  need: { id: string; title: string };
}
export const ACCEPTED_PARTNERSHIPS: TypedDocumentNode<
  { partnerships: { edges: Array<{ node: PartnershipOption }> } },
  { organizationId: string }
> = gql`
  query AcceptedPartnerships($organizationId: ID!) {
    partnerships(organizationId: $organizationId, filter: { state: ACCEPTED }, first: 100) {
      edges {
        node {
          id
          institution {
            id
            name
          }
          employer {
            id
            name
          }
          need {
            id
            title
          }
        }
      }
    }
  }
`;

export interface CreateDesignInput {
  issuerId: string;
  title: string;
  description?: string;
  frameworkId: string;
  partnershipId?: string;
  partnerIds?: string[];
  language?: string;
}
export const CREATE_DESIGN: TypedDocumentNode<
  { createCredentialDesign: { id: string } },
  { input: CreateDesignInput }
> = gql`
  mutation CreateCredentialDesign($input: CreateCredentialDesignInput!) {
    createCredentialDesign(input: $input) {
      id
    }
  }
`;

// ---- /designs/:id

export interface DesignComment {
  id: string;
  body: string;
  field: string | null;
  resolved: boolean;
  designVersion: number;
  createdAt: string;
  author: { id: string; name: string };
  replies: Array<{ id: string; body: string; createdAt: string; author: { id: string; name: string } }>;
}
export interface DesignDetail {
  id: string;
  version: number;
  stage: Stage;
  title: string;
  description: string | null;
  issuer: OrganizationRef;
  partners: OrganizationRef[];
  partnershipId: string | null;
  competencies: Array<{ skillId: string }>;
  outcomes: Array<{ statement: string; kind: OutcomeKind; skillIds: string[] }>;
  assessment: {
    methods: Method[];
    masteryThreshold: number | null;
    attemptsAllowed: number | null;
    authentic: boolean | null;
    evidenceVisibleToEmployers: boolean | null;
    evidenceRequirements: string | null;
  };
  hours: number | null;
  weeks: number | null;
  deliveryMode: (typeof DELIVERY_MODES)[number] | null;
  credit: boolean | null;
  transcriptable: boolean | null;
  stackableInto: string[];
  careerStage: (typeof CAREER_STAGES)[number] | null;
  price: number | null;
  language: string;
  level: string | null;
  qualityAssurance: string | null;
  evidenceOfNeed: string | null;
  annualReview: boolean | null;
  reviewDueAt: string | null;
  reviewOverdue: boolean;
  framework: Framework;
  approvals: Array<{ organization: OrganizationRef; version: number; approvedAt: string }>;
  pendingApprovals: OrganizationRef[];
  waitingOn: OrganizationRef[];
  comments: DesignComment[];
  versions: Array<{
    version: number;
    createdAt: string;
    summary: string;
    author: { id: string; name: string };
  }>;
  timeInStages: Array<{ stage: Stage; visits: number; totalMs: number }>;
  credential: { id: string } | null;
}

const DESIGN_FIELDS = gql`
  fragment DesignWorkspace on CredentialDesign {
    id
    version
    stage
    title
    description
    issuer {
      id
      name
    }
    partners {
      id
      name
    }
    partnershipId
    competencies {
      skillId
    }
    outcomes {
      statement
      kind
      skillIds
    }
    assessment {
      methods
      masteryThreshold
      attemptsAllowed
      authentic
      evidenceVisibleToEmployers
      evidenceRequirements
    }
    hours
    weeks
    deliveryMode
    credit
    transcriptable
    stackableInto
    careerStage
    price
    language
    level
    qualityAssurance
    evidenceOfNeed
    annualReview
    reviewDueAt
    reviewOverdue
    framework {
      id
      key
      name
      version
    }
    approvals {
      organization {
        id
        name
      }
      version
      approvedAt
    }
    pendingApprovals {
      id
      name
    }
    waitingOn {
      id
      name
    }
    comments {
      id
      body
      field
      resolved
      designVersion
      createdAt
      author {
        id
        name
      }
      replies {
        id
        body
        createdAt
        author {
          id
          name
        }
      }
    }
    versions {
      version
      createdAt
      summary
      author {
        id
        name
      }
    }
    timeInStages {
      stage
      visits
      totalMs
    }
    credential {
      id
    }
  }
`;

export const DESIGN: TypedDocumentNode<{ credentialDesign: DesignDetail | null }, { id: string }> = gql`
  query CredentialDesign($id: ID!) {
    credentialDesign(id: $id) {
      ...DesignWorkspace
    }
  }
  ${DESIGN_FIELDS}
`;

export type DesignInput = Record<string, unknown>;
export const UPDATE_DESIGN: TypedDocumentNode<
  { updateCredentialDesign: DesignDetail },
  { id: string; expectedVersion: number; input: DesignInput }
> = gql`
  mutation UpdateCredentialDesign($id: ID!, $expectedVersion: Int!, $input: UpdateCredentialDesignInput!) {
    updateCredentialDesign(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...DesignWorkspace
    }
  }
  ${DESIGN_FIELDS}
`;

export interface RuleResult {
  id: string;
  label: string;
  status: 'PASS' | 'FAIL' | 'WARNING';
  reason: string;
}
export const COMPLIANCE: TypedDocumentNode<
  {
    credentialDesign: {
      id: string;
      version: number;
      compliance: { passed: boolean; framework: Framework; rules: RuleResult[] };
    } | null;
  },
  { id: string; frameworkId?: string | null }
> = gql`
  query DesignCompliance($id: ID!, $frameworkId: ID) {
    credentialDesign(id: $id) {
      id
      version
      compliance(frameworkId: $frameworkId) {
        passed
        framework {
          id
          key
          name
          version
        }
        rules {
          id
          label
          status
          reason
        }
      }
    }
  }
`;

export const COMMENT: TypedDocumentNode<
  { commentOnDesign: { id: string } },
  { designId: string; body: string; field?: string | null; replyTo?: string | null }
> = gql`
  mutation CommentOnDesign($designId: ID!, $body: String!, $field: String, $replyTo: ID) {
    commentOnDesign(designId: $designId, body: $body, field: $field, replyTo: $replyTo) {
      id
    }
  }
`;
export const RESOLVE_COMMENT: TypedDocumentNode<
  { resolveDesignComment: { id: string; resolved: boolean } },
  { id: string; resolved: boolean }
> = gql`
  mutation ResolveDesignComment($id: ID!, $resolved: Boolean!) {
    resolveDesignComment(id: $id, resolved: $resolved) {
      id
      resolved
    }
  }
`;

export const VERSION_DIFF: TypedDocumentNode<
  { designVersionDiff: Array<{ field: string; before: unknown; after: unknown }> },
  { designId: string; from: number; to: number }
> = gql`
  query DesignVersionDiff($designId: ID!, $from: Int!, $to: Int!) {
    designVersionDiff(designId: $designId, from: $from, to: $to) {
      field
      before
      after
    }
  }
`;

export const ADD_PARTNER: TypedDocumentNode<
  { addDesignPartner: { id: string } },
  { designId: string; organizationId: string }
> = gql`
  mutation AddDesignPartner($designId: ID!, $organizationId: ID!) {
    addDesignPartner(designId: $designId, organizationId: $organizationId) {
      id
    }
  }
`;
export const ORGANIZATION_DIRECTORY: TypedDocumentNode<
  { organizations: { edges: Array<{ node: OrganizationRef & { kind: string } }> } },
  { search: string }
> = gql`
  query OrganizationDirectory($search: String) {
    organizations(filter: { search: $search }, first: 10) {
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`;

export const SUBMIT: TypedDocumentNode<
  { submitDesignForReview: { id: string } },
  { id: string; reviewDueAt?: string | null }
> = gql`
  mutation SubmitDesignForReview($id: ID!, $reviewDueAt: DateTime) {
    submitDesignForReview(id: $id, reviewDueAt: $reviewDueAt) {
      id
    }
  }
`;
export const REQUEST_CHANGES: TypedDocumentNode<
  { requestDesignChanges: { id: string } },
  { id: string; comment: string; organizationId: string }
> = gql`
  mutation RequestDesignChanges($id: ID!, $comment: String!, $organizationId: ID) {
    requestDesignChanges(id: $id, comment: $comment, organizationId: $organizationId) {
      id
    }
  }
`;
export const APPROVE: TypedDocumentNode<
  { approveDesign: { id: string } },
  { id: string; organizationId: string }
> = gql`
  mutation ApproveDesign($id: ID!, $organizationId: ID!) {
    approveDesign(id: $id, organizationId: $organizationId) {
      id
    }
  }
`;
export const PUBLISH: TypedDocumentNode<{ publishCredential: { id: string } }, { designId: string }> = gql`
  mutation PublishCredential($designId: ID!) {
    publishCredential(designId: $designId) {
      id
    }
  }
`;

// ---- skills

export const SKILL: TypedDocumentNode<{ skill: PickedSkill | null }, { id: string }> = gql`
  query Skill($id: ID!) {
    skill(id: $id) {
      ...PickedSkill
    }
  }
  ${PICKED_SKILL_FIELDS}
`;
