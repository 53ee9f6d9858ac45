// The co-development workspace's GraphQL operations. Their types are generated from the schema
// (graphql/generated); the names below are the shapes the screens pass around.
import { graphql } from '../../graphql/generated';
import type { DesignWorkspaceFragment, UpdateCredentialDesignInput } from '../../graphql/generated/graphql';

export type DesignDetail = DesignWorkspaceFragment;
export type DesignComment = DesignDetail['comments'][number];
export type DesignInput = UpdateCredentialDesignInput;

export const FRAMEWORKS = graphql(`
  query Frameworks {
    frameworks {
      id
      key
      name
      version
    }
  }
`);

// ---- /designs

export const DESIGNS = graphql(`
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
`);

export const ACCEPTED_PARTNERSHIPS = graphql(`
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
            deliveryModes
            careerStage
            learnerCount
            region
            neededBy
            skills {
              level
              skill {
                id
                label
                labelFr
              }
            }
          }
        }
      }
    }
  }
`);

export const CREATE_DESIGN = graphql(`
  mutation CreateCredentialDesign($input: CreateCredentialDesignInput!) {
    createCredentialDesign(input: $input) {
      id
    }
  }
`);

// ---- /designs/:id

graphql(`
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
`);

export const DESIGN = graphql(`
  query CredentialDesign($id: ID!) {
    credentialDesign(id: $id) {
      ...DesignWorkspace
    }
  }
`);

export const UPDATE_DESIGN = graphql(`
  mutation UpdateCredentialDesign($id: ID!, $expectedVersion: Int!, $input: UpdateCredentialDesignInput!) {
    updateCredentialDesign(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...DesignWorkspace
    }
  }
`);

export const COMPLIANCE = graphql(`
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
          details {
            code
            params
          }
        }
      }
    }
  }
`);

export const COMMENT = graphql(`
  mutation CommentOnDesign($designId: ID!, $body: String!, $field: String, $replyTo: ID) {
    commentOnDesign(designId: $designId, body: $body, field: $field, replyTo: $replyTo) {
      id
    }
  }
`);
export const RESOLVE_COMMENT = graphql(`
  mutation ResolveDesignComment($id: ID!, $resolved: Boolean!) {
    resolveDesignComment(id: $id, resolved: $resolved) {
      id
      resolved
    }
  }
`);

export const VERSION_DIFF = graphql(`
  query DesignVersionDiff($designId: ID!, $from: Int!, $to: Int!) {
    designVersionDiff(designId: $designId, from: $from, to: $to) {
      field
      before
      after
    }
  }
`);

export const ADD_PARTNER = graphql(`
  mutation AddDesignPartner($designId: ID!, $organizationId: ID!) {
    addDesignPartner(designId: $designId, organizationId: $organizationId) {
      id
    }
  }
`);
export const ORGANIZATION_DIRECTORY = graphql(`
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
`);

export const SUBMIT = graphql(`
  mutation SubmitDesignForReview($id: ID!, $reviewDueAt: DateTime) {
    submitDesignForReview(id: $id, reviewDueAt: $reviewDueAt) {
      id
    }
  }
`);
export const REQUEST_CHANGES = graphql(`
  mutation RequestDesignChanges($id: ID!, $comment: String!, $organizationId: ID) {
    requestDesignChanges(id: $id, comment: $comment, organizationId: $organizationId) {
      id
    }
  }
`);
export const APPROVE = graphql(`
  mutation ApproveDesign($id: ID!, $organizationId: ID!) {
    approveDesign(id: $id, organizationId: $organizationId) {
      id
    }
  }
`);
export const PUBLISH = graphql(`
  mutation PublishCredential($designId: ID!) {
    publishCredential(designId: $designId) {
      id
    }
  }
`);

// ---- skills

export const SKILL = graphql(`
  query Skill($id: ID!) {
    skill(id: $id) {
      ...PickedSkill
    }
  }
`);
