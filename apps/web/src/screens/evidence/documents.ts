// The evidence screens' GraphQL operations: the learner's feedback, shares, self-identification
// and data; employers' outcome reports; institutions' framework survey; insights. Types are
// generated from the schema (graphql/generated).
import { graphql } from '../../graphql/generated';
import type {
  SurveyQuestionFieldsFragment,
  InsightsTableFieldsFragment,
  AwardFeedbackFieldsFragment,
} from '../../graphql/generated/graphql';

export type SurveyQuestion = SurveyQuestionFieldsFragment;
export type InsightsTableData = InsightsTableFieldsFragment;
export type AwardFeedbackData = AwardFeedbackFieldsFragment;

graphql(`
  fragment SurveyQuestionFields on SurveyQuestion {
    key
    type
    required
    min
    max
    maxLength
    label {
      en
      fr
    }
    minLabel {
      en
      fr
    }
    maxLabel {
      en
      fr
    }
    options {
      value
      label {
        en
        fr
      }
    }
  }
`);

graphql(`
  fragment AwardFeedbackFields on AwardFeedback {
    awardId
    credentialId
    credentialTitle
    remindersOff
    revoked
    survey {
      kind
      version
      questions {
        ...SurveyQuestionFields
      }
    }
    response {
      surveyVersion
      revision
      submittedAt
      updatedAt
      editableUntil
      answers {
        key
        value
        choices
        text
      }
    }
  }
`);

export const MY_FEEDBACK_REQUESTS = graphql(`
  query MyFeedbackRequests {
    myFeedbackRequests {
      awardId
      credentialId
      credentialTitle
      issuedAt
      answered
      remindersOff
      revoked
    }
  }
`);

export const AWARD_FEEDBACK = graphql(`
  query AwardFeedback($awardId: ID!) {
    awardFeedback(awardId: $awardId) {
      ...AwardFeedbackFields
    }
  }
`);

export const SUBMIT_FEEDBACK = graphql(`
  mutation SubmitFeedback($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      ...AwardFeedbackFields
    }
  }
`);

export const DELETE_FEEDBACK = graphql(`
  mutation DeleteFeedback($awardId: ID!) {
    deleteFeedback(awardId: $awardId)
  }
`);

export const TURN_OFF_FEEDBACK_REMINDER = graphql(`
  mutation TurnOffFeedbackReminder($awardId: ID!) {
    turnOffFeedbackReminder(awardId: $awardId) {
      ...AwardFeedbackFields
    }
  }
`);

export const MY_AWARD_SHARES = graphql(`
  query MyAwardShares {
    myAwardShares {
      awardId
      organizationId
      organizationName
      grantedAt
    }
  }
`);

export const SHARE_ORGANIZATIONS = graphql(`
  query ShareOrganizations($search: String) {
    organizations(filter: { search: $search, kind: EMPLOYER }, first: 10) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const SHARE_AWARD = graphql(`
  mutation ShareAward($awardId: ID!, $organizationId: ID!) {
    shareAward(awardId: $awardId, organizationId: $organizationId) {
      awardId
      organizationId
      organizationName
      grantedAt
    }
  }
`);

export const REVOKE_AWARD_SHARE = graphql(`
  mutation RevokeAwardShare($awardId: ID!, $organizationId: ID!) {
    revokeAwardShare(awardId: $awardId, organizationId: $organizationId)
  }
`);

export const MY_SELF_IDENTIFICATION = graphql(`
  query MySelfIdentification {
    mySelfIdentification {
      updatedAt
      answers {
        group
        answer
      }
    }
  }
`);

export const SET_SELF_IDENTIFICATION = graphql(`
  mutation SetSelfIdentification($answers: [EquityAnswerInput!]!) {
    setSelfIdentification(answers: $answers) {
      updatedAt
      answers {
        group
        answer
      }
    }
  }
`);

export const DELETE_SELF_IDENTIFICATION = graphql(`
  mutation DeleteSelfIdentification {
    deleteSelfIdentification
  }
`);

export const MY_EVIDENCE_DATA = graphql(`
  query MyEvidenceData {
    myEvidenceData
  }
`);

export const DELETE_MY_EVIDENCE_DATA = graphql(`
  mutation DeleteMyEvidenceData {
    deleteMyEvidenceData {
      feedback
      shares
      selfIdentification
    }
  }
`);

export const FRAMEWORK_SURVEY = graphql(`
  query FrameworkSurvey($credentialId: ID!) {
    survey(kind: FRAMEWORK) {
      kind
      version
      questions {
        ...SurveyQuestionFields
      }
    }
    credential(id: $credentialId) {
      id
      title
      issuer {
        id
        name
      }
    }
  }
`);

export const ANSWER_FRAMEWORK_SURVEY = graphql(`
  mutation AnswerFrameworkSurvey($credentialId: ID!, $answers: [FeedbackAnswerInput!]!) {
    answerFrameworkSurvey(credentialId: $credentialId, answers: $answers) {
      credentialId
      surveyVersion
    }
  }
`);

export const OUTCOME_REPORT_CREDENTIALS = graphql(`
  query OutcomeReportCredentials($organizationId: ID!) {
    outcomeReportCredentials(organizationId: $organizationId) {
      credentialId
      title
      competencies
      ties
    }
    outcomeReports(organizationId: $organizationId) {
      id
      credentialId
      cohortSize
      hired
      promoted
      retained
      assessmentReflectedJobPerformance
      reportedAt
      ratings {
        competency
        rating
      }
    }
  }
`);

export const REPORT_OUTCOMES = graphql(`
  mutation ReportOutcomes($input: ReportOutcomesInput!) {
    reportOutcomes(input: $input) {
      id
      credentialId
      reportedAt
    }
  }
`);

graphql(`
  fragment InsightsTableFields on InsightsTable {
    name
    learnerDerived
    columns
    csv
    rows {
      key
      label
      values
      suppressed
    }
    total {
      key
      label
      values
      suppressed
    }
  }
`);

export const INSIGHTS = graphql(`
  query Insights($scope: InsightsScopeInput, $filter: InsightsFilterInput, $groupBy: InsightsGroupBy!) {
    insights(scope: $scope, filter: $filter, groupBy: $groupBy) {
      k
      organizationId
      groupBy
      credentials {
        ...InsightsTableFields
      }
      assessmentMix {
        ...InsightsTableFields
      }
      stageTimes {
        ...InsightsTableFields
      }
      partnerships {
        ...InsightsTableFields
      }
      awards {
        ...InsightsTableFields
      }
      feedback {
        ...InsightsTableFields
      }
      outcomes {
        ...InsightsTableFields
      }
      equityReach {
        ...InsightsTableFields
      }
    }
  }
`);

export const FRAMEWORK_ELEMENT_INSIGHTS = graphql(`
  query FrameworkElementInsights {
    frameworkElementInsights {
      element
      mostImportant
      leastImportant
      responses
      usefulBlueprint
      reviews
      failures
      failureShare
    }
  }
`);
