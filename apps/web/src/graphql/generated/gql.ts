/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      emailVerified\n      locale\n      memberships {\n        role\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query UnreadCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadCountDocument,
    "\n  mutation RefreshToken {\n    refreshToken {\n      token\n    }\n  }\n": typeof types.RefreshTokenDocument,
    "\n  query DemandMap($groupBy: DemandGrouping!, $filter: DemandFilter, $first: Int!) {\n    demandMap(groupBy: $groupBy, filter: $filter, first: $first) {\n      key\n      label\n      needs\n      learners\n      supply\n      gap\n    }\n  }\n": typeof types.DemandMapDocument,
    "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) {\n      token\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification {\n      emailVerified\n    }\n  }\n": typeof types.RequestEmailVerificationDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      id\n      email\n    }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  fragment CatalogueEntryFields on CatalogueEntry {\n    credential {\n      id\n      title\n    }\n    issuerName\n    description\n    language\n    deliveryMode\n    hours\n    price\n    credit\n    transcriptable\n    endorsementCount\n    issuerRegion\n    issuerSize\n    publishedAt\n  }\n": typeof types.CatalogueEntryFieldsFragmentDoc,
    "\n  query CatalogueSearch($query: String, $filter: CatalogueFilter, $sort: CatalogueSort, $after: String) {\n    searchCredentials(query: $query, filter: $filter, sort: $sort, first: 20, after: $after) {\n      totalCount\n      sort\n      edges {\n        cursor\n        node {\n          ...CatalogueEntryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        name\n        values {\n          value\n          count\n        }\n      }\n    }\n  }\n": typeof types.CatalogueSearchDocument,
    "\n  query CatalogueCredential($id: ID!) {\n    catalogueEntry(credentialId: $id) {\n      ...CatalogueEntryFields\n      retired\n    }\n    pathways(credentialId: $id) {\n      id\n      title\n      rule\n      requiredCount\n      ownerName\n      target {\n        id\n        title\n      }\n      steps {\n        position\n        credential {\n          id\n          title\n        }\n      }\n    }\n    recognitions(credentialId: $id) {\n      id\n      institutionName\n      creditAmount\n      creditUnit\n      conditions\n      pathway {\n        id\n        title\n      }\n    }\n  }\n": typeof types.CatalogueCredentialDocument,
    "\n  query MyPathwayProgress {\n    myPathwayProgress {\n      pathway {\n        id\n        title\n        target {\n          id\n          title\n        }\n      }\n      earned\n      required\n      complete\n      steps {\n        status\n        credential {\n          id\n          title\n        }\n      }\n    }\n  }\n": typeof types.MyPathwayProgressDocument,
    "\n  query CredentialsTeaching($skillIds: [ID!]!) {\n    searchCredentials(filter: { skillIds: $skillIds }, sort: MOST_ENDORSED, first: 10) {\n      totalCount\n      edges {\n        node {\n          ...CatalogueEntryFields\n        }\n      }\n    }\n  }\n": typeof types.CredentialsTeachingDocument,
    "\n  query Frameworks {\n    frameworks {\n      id\n      key\n      name\n      version\n    }\n  }\n": typeof types.FrameworksDocument,
    "\n  query CredentialDesigns($organizationId: ID!, $stage: DesignStage) {\n    credentialDesigns(organizationId: $organizationId, stage: $stage, first: 100) {\n      edges {\n        node {\n          id\n          title\n          stage\n          version\n          updatedAt\n          reviewDueAt\n          reviewOverdue\n          issuer {\n            id\n            name\n          }\n          partners {\n            id\n            name\n          }\n          waitingOn {\n            id\n            name\n          }\n        }\n      }\n    }\n    designStageSummary(organizationId: $organizationId) {\n      stage\n      current\n      averageMs\n      waitingOn {\n        organization {\n          id\n          name\n        }\n        designs\n      }\n    }\n  }\n": typeof types.CredentialDesignsDocument,
    "\n  query AcceptedPartnerships($organizationId: ID!) {\n    partnerships(organizationId: $organizationId, filter: { state: ACCEPTED }, first: 100) {\n      edges {\n        node {\n          id\n          institution {\n            id\n            name\n          }\n          employer {\n            id\n            name\n          }\n          need {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.AcceptedPartnershipsDocument,
    "\n  mutation CreateCredentialDesign($input: CreateCredentialDesignInput!) {\n    createCredentialDesign(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateCredentialDesignDocument,
    "\n  fragment DesignWorkspace on CredentialDesign {\n    id\n    version\n    stage\n    title\n    description\n    issuer {\n      id\n      name\n    }\n    partners {\n      id\n      name\n    }\n    partnershipId\n    competencies {\n      skillId\n    }\n    outcomes {\n      statement\n      kind\n      skillIds\n    }\n    assessment {\n      methods\n      masteryThreshold\n      attemptsAllowed\n      authentic\n      evidenceVisibleToEmployers\n      evidenceRequirements\n    }\n    hours\n    weeks\n    deliveryMode\n    credit\n    transcriptable\n    stackableInto\n    careerStage\n    price\n    language\n    level\n    qualityAssurance\n    evidenceOfNeed\n    annualReview\n    reviewDueAt\n    reviewOverdue\n    framework {\n      id\n      key\n      name\n      version\n    }\n    approvals {\n      organization {\n        id\n        name\n      }\n      version\n      approvedAt\n    }\n    pendingApprovals {\n      id\n      name\n    }\n    waitingOn {\n      id\n      name\n    }\n    comments {\n      id\n      body\n      field\n      resolved\n      designVersion\n      createdAt\n      author {\n        id\n        name\n      }\n      replies {\n        id\n        body\n        createdAt\n        author {\n          id\n          name\n        }\n      }\n    }\n    versions {\n      version\n      createdAt\n      summary\n      author {\n        id\n        name\n      }\n    }\n    timeInStages {\n      stage\n      visits\n      totalMs\n    }\n    credential {\n      id\n    }\n  }\n": typeof types.DesignWorkspaceFragmentDoc,
    "\n  query CredentialDesign($id: ID!) {\n    credentialDesign(id: $id) {\n      ...DesignWorkspace\n    }\n  }\n": typeof types.CredentialDesignDocument,
    "\n  mutation UpdateCredentialDesign($id: ID!, $expectedVersion: Int!, $input: UpdateCredentialDesignInput!) {\n    updateCredentialDesign(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...DesignWorkspace\n    }\n  }\n": typeof types.UpdateCredentialDesignDocument,
    "\n  query DesignCompliance($id: ID!, $frameworkId: ID) {\n    credentialDesign(id: $id) {\n      id\n      version\n      compliance(frameworkId: $frameworkId) {\n        passed\n        framework {\n          id\n          key\n          name\n          version\n        }\n        rules {\n          id\n          label\n          status\n          reason\n        }\n      }\n    }\n  }\n": typeof types.DesignComplianceDocument,
    "\n  mutation CommentOnDesign($designId: ID!, $body: String!, $field: String, $replyTo: ID) {\n    commentOnDesign(designId: $designId, body: $body, field: $field, replyTo: $replyTo) {\n      id\n    }\n  }\n": typeof types.CommentOnDesignDocument,
    "\n  mutation ResolveDesignComment($id: ID!, $resolved: Boolean!) {\n    resolveDesignComment(id: $id, resolved: $resolved) {\n      id\n      resolved\n    }\n  }\n": typeof types.ResolveDesignCommentDocument,
    "\n  query DesignVersionDiff($designId: ID!, $from: Int!, $to: Int!) {\n    designVersionDiff(designId: $designId, from: $from, to: $to) {\n      field\n      before\n      after\n    }\n  }\n": typeof types.DesignVersionDiffDocument,
    "\n  mutation AddDesignPartner($designId: ID!, $organizationId: ID!) {\n    addDesignPartner(designId: $designId, organizationId: $organizationId) {\n      id\n    }\n  }\n": typeof types.AddDesignPartnerDocument,
    "\n  query OrganizationDirectory($search: String) {\n    organizations(filter: { search: $search }, first: 10) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.OrganizationDirectoryDocument,
    "\n  mutation SubmitDesignForReview($id: ID!, $reviewDueAt: DateTime) {\n    submitDesignForReview(id: $id, reviewDueAt: $reviewDueAt) {\n      id\n    }\n  }\n": typeof types.SubmitDesignForReviewDocument,
    "\n  mutation RequestDesignChanges($id: ID!, $comment: String!, $organizationId: ID) {\n    requestDesignChanges(id: $id, comment: $comment, organizationId: $organizationId) {\n      id\n    }\n  }\n": typeof types.RequestDesignChangesDocument,
    "\n  mutation ApproveDesign($id: ID!, $organizationId: ID!) {\n    approveDesign(id: $id, organizationId: $organizationId) {\n      id\n    }\n  }\n": typeof types.ApproveDesignDocument,
    "\n  mutation PublishCredential($designId: ID!) {\n    publishCredential(designId: $designId) {\n      id\n    }\n  }\n": typeof types.PublishCredentialDocument,
    "\n  query Skill($id: ID!) {\n    skill(id: $id) {\n      ...PickedSkill\n    }\n  }\n": typeof types.SkillDocument,
    "\n  query DemandGroupSkills($id: ID!) {\n    skill(id: $id) {\n      id\n      narrower {\n        id\n        narrower {\n          id\n          narrower {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.DemandGroupSkillsDocument,
    "\n  query DemandNeeds($filter: SkillNeedFilter) {\n    skillNeeds(filter: $filter, first: 50) {\n      edges {\n        node {\n          ...NeedSummaryFields\n        }\n      }\n    }\n  }\n": typeof types.DemandNeedsDocument,
    "\n  fragment SurveyQuestionFields on SurveyQuestion {\n    key\n    type\n    required\n    min\n    max\n    maxLength\n    label {\n      en\n      fr\n    }\n    minLabel {\n      en\n      fr\n    }\n    maxLabel {\n      en\n      fr\n    }\n    options {\n      value\n      label {\n        en\n        fr\n      }\n    }\n  }\n": typeof types.SurveyQuestionFieldsFragmentDoc,
    "\n  fragment AwardFeedbackFields on AwardFeedback {\n    awardId\n    credentialId\n    credentialTitle\n    remindersOff\n    revoked\n    survey {\n      kind\n      version\n      questions {\n        ...SurveyQuestionFields\n      }\n    }\n    response {\n      surveyVersion\n      revision\n      submittedAt\n      updatedAt\n      editableUntil\n      answers {\n        key\n        value\n        choices\n        text\n      }\n    }\n  }\n": typeof types.AwardFeedbackFieldsFragmentDoc,
    "\n  query MyFeedbackRequests {\n    myFeedbackRequests {\n      awardId\n      credentialId\n      credentialTitle\n      issuedAt\n      answered\n      remindersOff\n      revoked\n    }\n  }\n": typeof types.MyFeedbackRequestsDocument,
    "\n  query AwardFeedback($awardId: ID!) {\n    awardFeedback(awardId: $awardId) {\n      ...AwardFeedbackFields\n    }\n  }\n": typeof types.AwardFeedbackDocument,
    "\n  mutation SubmitFeedback($input: SubmitFeedbackInput!) {\n    submitFeedback(input: $input) {\n      ...AwardFeedbackFields\n    }\n  }\n": typeof types.SubmitFeedbackDocument,
    "\n  mutation DeleteFeedback($awardId: ID!) {\n    deleteFeedback(awardId: $awardId)\n  }\n": typeof types.DeleteFeedbackDocument,
    "\n  mutation TurnOffFeedbackReminder($awardId: ID!) {\n    turnOffFeedbackReminder(awardId: $awardId) {\n      ...AwardFeedbackFields\n    }\n  }\n": typeof types.TurnOffFeedbackReminderDocument,
    "\n  query MyAwardShares {\n    myAwardShares {\n      awardId\n      organizationId\n      organizationName\n      grantedAt\n    }\n  }\n": typeof types.MyAwardSharesDocument,
    "\n  query ShareOrganizations($search: String) {\n    organizations(filter: { search: $search, kind: EMPLOYER }, first: 10) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ShareOrganizationsDocument,
    "\n  mutation ShareAward($awardId: ID!, $organizationId: ID!) {\n    shareAward(awardId: $awardId, organizationId: $organizationId) {\n      awardId\n      organizationId\n      organizationName\n      grantedAt\n    }\n  }\n": typeof types.ShareAwardDocument,
    "\n  mutation RevokeAwardShare($awardId: ID!, $organizationId: ID!) {\n    revokeAwardShare(awardId: $awardId, organizationId: $organizationId)\n  }\n": typeof types.RevokeAwardShareDocument,
    "\n  query MySelfIdentification {\n    mySelfIdentification {\n      updatedAt\n      answers {\n        group\n        answer\n      }\n    }\n  }\n": typeof types.MySelfIdentificationDocument,
    "\n  mutation SetSelfIdentification($answers: [EquityAnswerInput!]!) {\n    setSelfIdentification(answers: $answers) {\n      updatedAt\n      answers {\n        group\n        answer\n      }\n    }\n  }\n": typeof types.SetSelfIdentificationDocument,
    "\n  mutation DeleteSelfIdentification {\n    deleteSelfIdentification\n  }\n": typeof types.DeleteSelfIdentificationDocument,
    "\n  query MyEvidenceData {\n    myEvidenceData\n  }\n": typeof types.MyEvidenceDataDocument,
    "\n  mutation DeleteMyEvidenceData {\n    deleteMyEvidenceData {\n      feedback\n      shares\n      selfIdentification\n    }\n  }\n": typeof types.DeleteMyEvidenceDataDocument,
    "\n  query FrameworkSurvey($credentialId: ID!) {\n    survey(kind: FRAMEWORK) {\n      kind\n      version\n      questions {\n        ...SurveyQuestionFields\n      }\n    }\n    credential(id: $credentialId) {\n      id\n      title\n      issuer {\n        id\n        name\n      }\n    }\n  }\n": typeof types.FrameworkSurveyDocument,
    "\n  mutation AnswerFrameworkSurvey($credentialId: ID!, $answers: [FeedbackAnswerInput!]!) {\n    answerFrameworkSurvey(credentialId: $credentialId, answers: $answers) {\n      credentialId\n      surveyVersion\n    }\n  }\n": typeof types.AnswerFrameworkSurveyDocument,
    "\n  query OutcomeReportCredentials($organizationId: ID!) {\n    outcomeReportCredentials(organizationId: $organizationId) {\n      credentialId\n      title\n      competencies\n      ties\n    }\n    outcomeReports(organizationId: $organizationId) {\n      id\n      credentialId\n      cohortSize\n      hired\n      promoted\n      retained\n      assessmentReflectedJobPerformance\n      reportedAt\n      ratings {\n        competency\n        rating\n      }\n    }\n  }\n": typeof types.OutcomeReportCredentialsDocument,
    "\n  mutation ReportOutcomes($input: ReportOutcomesInput!) {\n    reportOutcomes(input: $input) {\n      id\n      credentialId\n      reportedAt\n    }\n  }\n": typeof types.ReportOutcomesDocument,
    "\n  fragment InsightsTableFields on InsightsTable {\n    name\n    learnerDerived\n    columns\n    csv\n    rows {\n      key\n      label\n      values\n      suppressed\n    }\n    total {\n      key\n      label\n      values\n      suppressed\n    }\n  }\n": typeof types.InsightsTableFieldsFragmentDoc,
    "\n  query Insights($scope: InsightsScopeInput, $filter: InsightsFilterInput, $groupBy: InsightsGroupBy!) {\n    insights(scope: $scope, filter: $filter, groupBy: $groupBy) {\n      k\n      organizationId\n      groupBy\n      credentials {\n        ...InsightsTableFields\n      }\n      assessmentMix {\n        ...InsightsTableFields\n      }\n      stageTimes {\n        ...InsightsTableFields\n      }\n      partnerships {\n        ...InsightsTableFields\n      }\n      awards {\n        ...InsightsTableFields\n      }\n      feedback {\n        ...InsightsTableFields\n      }\n      outcomes {\n        ...InsightsTableFields\n      }\n      equityReach {\n        ...InsightsTableFields\n      }\n    }\n  }\n": typeof types.InsightsDocument,
    "\n  query FrameworkElementInsights {\n    frameworkElementInsights {\n      element\n      mostImportant\n      leastImportant\n      responses\n      usefulBlueprint\n    }\n  }\n": typeof types.FrameworkElementInsightsDocument,
    "\n  query Inbox($unreadOnly: Boolean) {\n    notifications(unreadOnly: $unreadOnly, first: 50) {\n      edges {\n        node {\n          id\n          type\n          title\n          body\n          read\n          createdAt\n          link\n        }\n      }\n    }\n  }\n": typeof types.InboxDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      eventType\n      channel\n      enabled\n      emailMode\n      custom\n    }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  mutation UpdateNotificationPreferences($input: [NotificationPreferenceInput!]!) {\n    updateNotificationPreferences(input: $input) {\n      eventType\n      channel\n      enabled\n      emailMode\n      custom\n    }\n  }\n": typeof types.UpdateNotificationPreferencesDocument,
    "\n  fragment ProfileFields on CapabilityProfile {\n    regions\n    deliveryModes\n    annualCapacity\n    version\n    skills {\n      level\n      skill {\n        ...PickedSkill\n      }\n    }\n  }\n": typeof types.ProfileFieldsFragmentDoc,
    "\n  query CapabilityProfile($organizationId: ID!) {\n    capabilityProfile(organizationId: $organizationId) {\n      ...ProfileFields\n    }\n  }\n": typeof types.CapabilityProfileDocument,
    "\n  mutation UpsertCapabilityProfile($input: CapabilityProfileInput!) {\n    upsertCapabilityProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n": typeof types.UpsertCapabilityProfileDocument,
    "\n  query NeedMatches($institutionId: ID!) {\n    needMatches(institutionId: $institutionId, first: 10) {\n      score\n      reasons {\n        kind\n        weight\n        detail\n      }\n      need {\n        ...NeedSummaryFields\n      }\n    }\n  }\n": typeof types.NeedMatchesDocument,
    "\n  query PartnerMatches($needId: ID!) {\n    partnerMatches(needId: $needId, first: 10) {\n      score\n      institution {\n        id\n        name\n        size\n        region\n      }\n      reasons {\n        kind\n        weight\n        detail\n      }\n    }\n  }\n": typeof types.PartnerMatchesDocument,
    "\n  mutation PostSkillNeed($input: PostSkillNeedInput!) {\n    postSkillNeed(input: $input) {\n      ...NeedFields\n    }\n  }\n": typeof types.PostSkillNeedDocument,
    "\n  mutation UpdateSkillNeed($id: ID!, $input: UpdateSkillNeedInput!, $expectedVersion: Int) {\n    updateSkillNeed(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...NeedFields\n    }\n  }\n": typeof types.UpdateSkillNeedDocument,
    "\n  mutation CloseSkillNeed($id: ID!) {\n    closeSkillNeed(id: $id) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.CloseSkillNeedDocument,
    "\n  query OrganizationNeeds($organizationId: ID!) {\n    skillNeeds(filter: { organizationId: $organizationId }, first: 50) {\n      edges {\n        node {\n          ...NeedSummaryFields\n        }\n      }\n    }\n  }\n": typeof types.OrganizationNeedsDocument,
    "\n  mutation RespondToPartnership($id: ID!, $accept: Boolean!, $message: String) {\n    respondToPartnership(id: $id, accept: $accept, message: $message) {\n      ...PartnershipFields\n    }\n  }\n": typeof types.RespondToPartnershipDocument,
    "\n  mutation WithdrawPartnership($id: ID!) {\n    withdrawPartnership(id: $id) {\n      ...PartnershipFields\n    }\n  }\n": typeof types.WithdrawPartnershipDocument,
    "\n  fragment NeedBaseFields on SkillNeed {\n    id\n    title\n    description\n    status\n    region\n    sector\n    deliveryModes\n    learnerCount\n    careerStage\n    neededBy\n    version\n    createdAt\n    organization {\n      id\n      name\n      size\n      region\n    }\n  }\n": typeof types.NeedBaseFieldsFragmentDoc,
    "\n  fragment NeedFields on SkillNeed {\n    ...NeedBaseFields\n    skills {\n      level\n      skill {\n        ...PickedSkill\n      }\n    }\n  }\n": typeof types.NeedFieldsFragmentDoc,
    "\n  fragment NeedSummaryFields on SkillNeed {\n    ...NeedBaseFields\n    skills {\n      level\n      skill {\n        id\n        label\n        labelFr\n      }\n    }\n  }\n": typeof types.NeedSummaryFieldsFragmentDoc,
    "\n  query SkillNeed($id: ID!) {\n    skillNeed(id: $id) {\n      ...NeedFields\n    }\n  }\n": typeof types.SkillNeedDocument,
    "\n  fragment PartnershipFields on Partnership {\n    id\n    state\n    message\n    responseMessage\n    createdAt\n    respondedAt\n    institution {\n      id\n      name\n      size\n      region\n    }\n    employer {\n      id\n      name\n      size\n      region\n    }\n    proposedBy {\n      id\n      name\n    }\n    need {\n      id\n      title\n      region\n      learnerCount\n      status\n    }\n  }\n": typeof types.PartnershipFieldsFragmentDoc,
    "\n  query Partnerships($organizationId: ID!, $filter: PartnershipFilter) {\n    partnerships(organizationId: $organizationId, filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...PartnershipFields\n        }\n      }\n    }\n  }\n": typeof types.PartnershipsDocument,
    "\n  mutation ProposePartnership($input: ProposePartnershipInput!) {\n    proposePartnership(input: $input) {\n      ...PartnershipFields\n    }\n  }\n": typeof types.ProposePartnershipDocument,
    "\n  query MarketplaceRegions {\n    regions {\n      code\n      kind\n      nameEn\n      nameFr\n    }\n  }\n": typeof types.MarketplaceRegionsDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query Regions {\n    regions {\n      code\n      kind\n      nameEn\n      nameFr\n    }\n  }\n": typeof types.RegionsDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  mutation InviteMember($organizationId: ID!, $email: String!, $role: Role!) {\n    inviteMember(organizationId: $organizationId, email: $email, role: $role) {\n      email\n      acceptUrl\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  query Umbrellas {\n    organizations(filter: { kind: UMBRELLA }, first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.UmbrellasDocument,
    "\n  mutation JoinUmbrella($umbrellaId: ID!, $organizationId: ID!) {\n    joinUmbrella(umbrellaId: $umbrellaId, organizationId: $organizationId) {\n      organization {\n        name\n      }\n    }\n  }\n": typeof types.JoinUmbrellaDocument,
    "\n  query HomeActions(\n    $organizationId: ID!\n    $marketplace: Boolean!\n    $employer: Boolean!\n    $institution: Boolean!\n    $umbrellaAdmin: Boolean!\n    $operator: Boolean!\n  ) {\n    proposalsToUs: partnerships(\n      organizationId: $organizationId\n      filter: { state: PROPOSED, direction: PROPOSED_TO_US }\n      first: 1\n    ) @include(if: $marketplace) {\n      totalCount\n    }\n    acceptedPartnerships: partnerships(organizationId: $organizationId, filter: { state: ACCEPTED }, first: 100)\n      @include(if: $marketplace) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n    needs: skillNeeds(filter: { organizationId: $organizationId }, first: 1) @include(if: $employer) {\n      totalCount\n    }\n    openNeeds: skillNeeds(filter: { organizationId: $organizationId, status: OPEN }, first: 1) @include(if: $employer) {\n      totalCount\n    }\n    capabilityProfile(organizationId: $organizationId) @include(if: $institution) {\n      version\n    }\n    credentialDesigns(organizationId: $organizationId, first: 100) {\n      edges {\n        node {\n          id\n          stage\n          reviewOverdue\n          partnershipId\n          waitingOn {\n            id\n          }\n        }\n      }\n    }\n    issuable: credentials(filter: { issuerId: $organizationId }, first: 1) @include(if: $institution) {\n      totalCount\n    }\n    umbrella: organization(id: $organizationId) @include(if: $umbrellaAdmin) {\n      id\n      umbrellaJoinRequests {\n        id\n        state\n        requestedAt\n        organization {\n          id\n          name\n        }\n      }\n    }\n    unverified: organizations(filter: { verified: false }, first: 20) @include(if: $operator) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.HomeActionsDocument,
    "\n  mutation RespondToUmbrellaJoinRequest($id: ID!, $accept: Boolean!) {\n    respondToUmbrellaJoinRequest(id: $id, accept: $accept) {\n      id\n      state\n    }\n  }\n": typeof types.RespondToUmbrellaJoinRequestDocument,
    "\n  mutation VerifyOrganization($id: ID!) {\n    verifyOrganization(id: $id) {\n      id\n      verified\n    }\n  }\n": typeof types.VerifyOrganizationDocument,
    "\n  fragment CredentialSummary on Credential {\n    id\n    title\n    publishedAt\n    assessment {\n      masteryThreshold\n      attemptsAllowed\n    }\n    issuer {\n      id\n      name\n    }\n    endorsements {\n      id\n      withdrawnAt\n      organization {\n        id\n      }\n    }\n    sponsorships {\n      id\n      umbrella {\n        id\n        name\n      }\n    }\n    adoptions {\n      id\n      institution {\n        id\n        name\n      }\n      umbrella {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CredentialSummaryFragmentDoc,
    "\n  query TrustCredentials($issuerId: ID) {\n    credentials(filter: { issuerId: $issuerId }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...CredentialSummary\n        }\n      }\n    }\n  }\n": typeof types.TrustCredentialsDocument,
    "\n  fragment EndorsementFields on Endorsement {\n    id\n    organization {\n      id\n      name\n    }\n    inDemand\n    assessmentReflectsJobPerformance\n    comment\n    createdAt\n    withdrawnAt\n  }\n": typeof types.EndorsementFieldsFragmentDoc,
    "\n  query TrustCredential($id: ID!) {\n    credential(id: $id) {\n      id\n      title\n      publishedAt\n      issuer {\n        id\n        name\n      }\n      sponsorships {\n        id\n        umbrella {\n          id\n          name\n        }\n      }\n      adoptions {\n        id\n        institution {\n          id\n          name\n        }\n        umbrella {\n          id\n          name\n        }\n      }\n      designId\n      contributionsVisible\n      framework {\n        id\n        name\n        version\n      }\n      endorsements {\n        ...EndorsementFields\n      }\n      endorsementsBySector {\n        sector\n        name\n        endorsements {\n          ...EndorsementFields\n        }\n      }\n    }\n  }\n": typeof types.TrustCredentialDocument,
    "\n  query TrustContributions($id: ID!) {\n    credential(id: $id) {\n      id\n      contributions {\n        designers {\n          organization {\n            id\n            name\n          }\n          isIssuer\n          versionsAuthored\n        }\n        reviewers {\n          organization {\n            id\n            name\n          }\n          approvals\n          lastApprovedAt\n        }\n        endorsers {\n          organization {\n            id\n            name\n          }\n          endorsedAt\n          withdrawn\n        }\n        sponsors {\n          organization {\n            id\n            name\n          }\n          since\n        }\n        adopters {\n          organization {\n            id\n            name\n          }\n          umbrella {\n            id\n            name\n          }\n          since\n        }\n        issuers {\n          organization {\n            id\n            name\n          }\n          active\n          revoked\n        }\n      }\n    }\n  }\n": typeof types.TrustContributionsDocument,
    "\n  query TrustOrganizationUmbrellas($id: ID!) {\n    organization(id: $id) {\n      id\n      umbrellas {\n        id\n        name\n      }\n      memberOrganizations {\n        id\n        name\n        kind\n      }\n    }\n  }\n": typeof types.TrustOrganizationUmbrellasDocument,
    "\n  mutation EndorseCredential($credentialId: ID!, $organizationId: ID!, $input: EndorsementInput!) {\n    endorseCredential(credentialId: $credentialId, organizationId: $organizationId, input: $input) {\n      id\n    }\n  }\n": typeof types.EndorseCredentialDocument,
    "\n  mutation WithdrawEndorsement($id: ID!) {\n    withdrawEndorsement(id: $id) {\n      id\n      withdrawnAt\n    }\n  }\n": typeof types.WithdrawEndorsementDocument,
    "\n  mutation SponsorCredential($credentialId: ID!, $umbrellaId: ID!) {\n    sponsorCredential(credentialId: $credentialId, umbrellaId: $umbrellaId) {\n      id\n    }\n  }\n": typeof types.SponsorCredentialDocument,
    "\n  mutation AdoptSharedCredential($credentialId: ID!, $institutionId: ID!) {\n    adoptSharedCredential(credentialId: $credentialId, institutionId: $institutionId) {\n      id\n    }\n  }\n": typeof types.AdoptSharedCredentialDocument,
    "\n  fragment AwardFields on Award {\n    id\n    publicUrl\n    status\n    credentialId\n    recipientName\n    score\n    attempt\n    awardedAt\n    revokedAt\n    revokedReason\n    issuer {\n      id\n      name\n    }\n  }\n": typeof types.AwardFieldsFragmentDoc,
    "\n  query IssuerAwards($filter: AwardFilter) {\n    awards(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...AwardFields\n        }\n      }\n    }\n  }\n": typeof types.IssuerAwardsDocument,
    "\n  mutation AwardCredential($input: AwardInput!) {\n    awardCredential(input: $input) {\n      ...AwardFields\n    }\n  }\n": typeof types.AwardCredentialDocument,
    "\n  mutation RevokeAward($id: ID!, $reason: String!) {\n    revokeAward(id: $id, reason: $reason) {\n      ...AwardFields\n    }\n  }\n": typeof types.RevokeAwardDocument,
    "\n  fragment AwardBatchFields on AwardBatch {\n    id\n    status\n    total\n    succeeded\n    failed\n    finishedAt\n    items {\n      position\n      recipientName\n      score\n      status\n      awardId\n      errorCode\n      errorMessage\n    }\n  }\n": typeof types.AwardBatchFieldsFragmentDoc,
    "\n  mutation AwardCredentialBatch($input: AwardBatchInput!) {\n    awardCredentialBatch(input: $input) {\n      ...AwardBatchFields\n    }\n  }\n": typeof types.AwardCredentialBatchDocument,
    "\n  query AwardBatchProgress($id: ID!) {\n    awardBatch(id: $id) {\n      ...AwardBatchFields\n    }\n  }\n": typeof types.AwardBatchProgressDocument,
    "\n  query MyAwards {\n    myAwards(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...AwardFields\n          openBadge\n        }\n      }\n    }\n  }\n": typeof types.MyAwardsDocument,
    "\n  query MyTranscript {\n    myTranscript\n  }\n": typeof types.MyTranscriptDocument,
    "\n  fragment PickedSkill on Skill {\n    id\n    label\n    labelFr\n    framework\n    broader {\n      id\n      label\n      labelFr\n    }\n  }\n": typeof types.PickedSkillFragmentDoc,
    "\n  query SearchSkills($search: String, $framework: String) {\n    skills(search: $search, framework: $framework, first: 12) {\n      edges {\n        node {\n          ...PickedSkill\n          altLabels\n          altLabelsFr\n        }\n      }\n    }\n  }\n": typeof types.SearchSkillsDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      emailVerified\n      locale\n      memberships {\n        role\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.MeDocument,
    "\n  query UnreadCount {\n    unreadNotificationCount\n  }\n": types.UnreadCountDocument,
    "\n  mutation RefreshToken {\n    refreshToken {\n      token\n    }\n  }\n": types.RefreshTokenDocument,
    "\n  query DemandMap($groupBy: DemandGrouping!, $filter: DemandFilter, $first: Int!) {\n    demandMap(groupBy: $groupBy, filter: $filter, first: $first) {\n      key\n      label\n      needs\n      learners\n      supply\n      gap\n    }\n  }\n": types.DemandMapDocument,
    "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) {\n      token\n    }\n  }\n": types.LogInDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification {\n      emailVerified\n    }\n  }\n": types.RequestEmailVerificationDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      id\n      email\n    }\n  }\n": types.VerifyEmailDocument,
    "\n  fragment CatalogueEntryFields on CatalogueEntry {\n    credential {\n      id\n      title\n    }\n    issuerName\n    description\n    language\n    deliveryMode\n    hours\n    price\n    credit\n    transcriptable\n    endorsementCount\n    issuerRegion\n    issuerSize\n    publishedAt\n  }\n": types.CatalogueEntryFieldsFragmentDoc,
    "\n  query CatalogueSearch($query: String, $filter: CatalogueFilter, $sort: CatalogueSort, $after: String) {\n    searchCredentials(query: $query, filter: $filter, sort: $sort, first: 20, after: $after) {\n      totalCount\n      sort\n      edges {\n        cursor\n        node {\n          ...CatalogueEntryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        name\n        values {\n          value\n          count\n        }\n      }\n    }\n  }\n": types.CatalogueSearchDocument,
    "\n  query CatalogueCredential($id: ID!) {\n    catalogueEntry(credentialId: $id) {\n      ...CatalogueEntryFields\n      retired\n    }\n    pathways(credentialId: $id) {\n      id\n      title\n      rule\n      requiredCount\n      ownerName\n      target {\n        id\n        title\n      }\n      steps {\n        position\n        credential {\n          id\n          title\n        }\n      }\n    }\n    recognitions(credentialId: $id) {\n      id\n      institutionName\n      creditAmount\n      creditUnit\n      conditions\n      pathway {\n        id\n        title\n      }\n    }\n  }\n": types.CatalogueCredentialDocument,
    "\n  query MyPathwayProgress {\n    myPathwayProgress {\n      pathway {\n        id\n        title\n        target {\n          id\n          title\n        }\n      }\n      earned\n      required\n      complete\n      steps {\n        status\n        credential {\n          id\n          title\n        }\n      }\n    }\n  }\n": types.MyPathwayProgressDocument,
    "\n  query CredentialsTeaching($skillIds: [ID!]!) {\n    searchCredentials(filter: { skillIds: $skillIds }, sort: MOST_ENDORSED, first: 10) {\n      totalCount\n      edges {\n        node {\n          ...CatalogueEntryFields\n        }\n      }\n    }\n  }\n": types.CredentialsTeachingDocument,
    "\n  query Frameworks {\n    frameworks {\n      id\n      key\n      name\n      version\n    }\n  }\n": types.FrameworksDocument,
    "\n  query CredentialDesigns($organizationId: ID!, $stage: DesignStage) {\n    credentialDesigns(organizationId: $organizationId, stage: $stage, first: 100) {\n      edges {\n        node {\n          id\n          title\n          stage\n          version\n          updatedAt\n          reviewDueAt\n          reviewOverdue\n          issuer {\n            id\n            name\n          }\n          partners {\n            id\n            name\n          }\n          waitingOn {\n            id\n            name\n          }\n        }\n      }\n    }\n    designStageSummary(organizationId: $organizationId) {\n      stage\n      current\n      averageMs\n      waitingOn {\n        organization {\n          id\n          name\n        }\n        designs\n      }\n    }\n  }\n": types.CredentialDesignsDocument,
    "\n  query AcceptedPartnerships($organizationId: ID!) {\n    partnerships(organizationId: $organizationId, filter: { state: ACCEPTED }, first: 100) {\n      edges {\n        node {\n          id\n          institution {\n            id\n            name\n          }\n          employer {\n            id\n            name\n          }\n          need {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": types.AcceptedPartnershipsDocument,
    "\n  mutation CreateCredentialDesign($input: CreateCredentialDesignInput!) {\n    createCredentialDesign(input: $input) {\n      id\n    }\n  }\n": types.CreateCredentialDesignDocument,
    "\n  fragment DesignWorkspace on CredentialDesign {\n    id\n    version\n    stage\n    title\n    description\n    issuer {\n      id\n      name\n    }\n    partners {\n      id\n      name\n    }\n    partnershipId\n    competencies {\n      skillId\n    }\n    outcomes {\n      statement\n      kind\n      skillIds\n    }\n    assessment {\n      methods\n      masteryThreshold\n      attemptsAllowed\n      authentic\n      evidenceVisibleToEmployers\n      evidenceRequirements\n    }\n    hours\n    weeks\n    deliveryMode\n    credit\n    transcriptable\n    stackableInto\n    careerStage\n    price\n    language\n    level\n    qualityAssurance\n    evidenceOfNeed\n    annualReview\n    reviewDueAt\n    reviewOverdue\n    framework {\n      id\n      key\n      name\n      version\n    }\n    approvals {\n      organization {\n        id\n        name\n      }\n      version\n      approvedAt\n    }\n    pendingApprovals {\n      id\n      name\n    }\n    waitingOn {\n      id\n      name\n    }\n    comments {\n      id\n      body\n      field\n      resolved\n      designVersion\n      createdAt\n      author {\n        id\n        name\n      }\n      replies {\n        id\n        body\n        createdAt\n        author {\n          id\n          name\n        }\n      }\n    }\n    versions {\n      version\n      createdAt\n      summary\n      author {\n        id\n        name\n      }\n    }\n    timeInStages {\n      stage\n      visits\n      totalMs\n    }\n    credential {\n      id\n    }\n  }\n": types.DesignWorkspaceFragmentDoc,
    "\n  query CredentialDesign($id: ID!) {\n    credentialDesign(id: $id) {\n      ...DesignWorkspace\n    }\n  }\n": types.CredentialDesignDocument,
    "\n  mutation UpdateCredentialDesign($id: ID!, $expectedVersion: Int!, $input: UpdateCredentialDesignInput!) {\n    updateCredentialDesign(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...DesignWorkspace\n    }\n  }\n": types.UpdateCredentialDesignDocument,
    "\n  query DesignCompliance($id: ID!, $frameworkId: ID) {\n    credentialDesign(id: $id) {\n      id\n      version\n      compliance(frameworkId: $frameworkId) {\n        passed\n        framework {\n          id\n          key\n          name\n          version\n        }\n        rules {\n          id\n          label\n          status\n          reason\n        }\n      }\n    }\n  }\n": types.DesignComplianceDocument,
    "\n  mutation CommentOnDesign($designId: ID!, $body: String!, $field: String, $replyTo: ID) {\n    commentOnDesign(designId: $designId, body: $body, field: $field, replyTo: $replyTo) {\n      id\n    }\n  }\n": types.CommentOnDesignDocument,
    "\n  mutation ResolveDesignComment($id: ID!, $resolved: Boolean!) {\n    resolveDesignComment(id: $id, resolved: $resolved) {\n      id\n      resolved\n    }\n  }\n": types.ResolveDesignCommentDocument,
    "\n  query DesignVersionDiff($designId: ID!, $from: Int!, $to: Int!) {\n    designVersionDiff(designId: $designId, from: $from, to: $to) {\n      field\n      before\n      after\n    }\n  }\n": types.DesignVersionDiffDocument,
    "\n  mutation AddDesignPartner($designId: ID!, $organizationId: ID!) {\n    addDesignPartner(designId: $designId, organizationId: $organizationId) {\n      id\n    }\n  }\n": types.AddDesignPartnerDocument,
    "\n  query OrganizationDirectory($search: String) {\n    organizations(filter: { search: $search }, first: 10) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.OrganizationDirectoryDocument,
    "\n  mutation SubmitDesignForReview($id: ID!, $reviewDueAt: DateTime) {\n    submitDesignForReview(id: $id, reviewDueAt: $reviewDueAt) {\n      id\n    }\n  }\n": types.SubmitDesignForReviewDocument,
    "\n  mutation RequestDesignChanges($id: ID!, $comment: String!, $organizationId: ID) {\n    requestDesignChanges(id: $id, comment: $comment, organizationId: $organizationId) {\n      id\n    }\n  }\n": types.RequestDesignChangesDocument,
    "\n  mutation ApproveDesign($id: ID!, $organizationId: ID!) {\n    approveDesign(id: $id, organizationId: $organizationId) {\n      id\n    }\n  }\n": types.ApproveDesignDocument,
    "\n  mutation PublishCredential($designId: ID!) {\n    publishCredential(designId: $designId) {\n      id\n    }\n  }\n": types.PublishCredentialDocument,
    "\n  query Skill($id: ID!) {\n    skill(id: $id) {\n      ...PickedSkill\n    }\n  }\n": types.SkillDocument,
    "\n  query DemandGroupSkills($id: ID!) {\n    skill(id: $id) {\n      id\n      narrower {\n        id\n        narrower {\n          id\n          narrower {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.DemandGroupSkillsDocument,
    "\n  query DemandNeeds($filter: SkillNeedFilter) {\n    skillNeeds(filter: $filter, first: 50) {\n      edges {\n        node {\n          ...NeedSummaryFields\n        }\n      }\n    }\n  }\n": types.DemandNeedsDocument,
    "\n  fragment SurveyQuestionFields on SurveyQuestion {\n    key\n    type\n    required\n    min\n    max\n    maxLength\n    label {\n      en\n      fr\n    }\n    minLabel {\n      en\n      fr\n    }\n    maxLabel {\n      en\n      fr\n    }\n    options {\n      value\n      label {\n        en\n        fr\n      }\n    }\n  }\n": types.SurveyQuestionFieldsFragmentDoc,
    "\n  fragment AwardFeedbackFields on AwardFeedback {\n    awardId\n    credentialId\n    credentialTitle\n    remindersOff\n    revoked\n    survey {\n      kind\n      version\n      questions {\n        ...SurveyQuestionFields\n      }\n    }\n    response {\n      surveyVersion\n      revision\n      submittedAt\n      updatedAt\n      editableUntil\n      answers {\n        key\n        value\n        choices\n        text\n      }\n    }\n  }\n": types.AwardFeedbackFieldsFragmentDoc,
    "\n  query MyFeedbackRequests {\n    myFeedbackRequests {\n      awardId\n      credentialId\n      credentialTitle\n      issuedAt\n      answered\n      remindersOff\n      revoked\n    }\n  }\n": types.MyFeedbackRequestsDocument,
    "\n  query AwardFeedback($awardId: ID!) {\n    awardFeedback(awardId: $awardId) {\n      ...AwardFeedbackFields\n    }\n  }\n": types.AwardFeedbackDocument,
    "\n  mutation SubmitFeedback($input: SubmitFeedbackInput!) {\n    submitFeedback(input: $input) {\n      ...AwardFeedbackFields\n    }\n  }\n": types.SubmitFeedbackDocument,
    "\n  mutation DeleteFeedback($awardId: ID!) {\n    deleteFeedback(awardId: $awardId)\n  }\n": types.DeleteFeedbackDocument,
    "\n  mutation TurnOffFeedbackReminder($awardId: ID!) {\n    turnOffFeedbackReminder(awardId: $awardId) {\n      ...AwardFeedbackFields\n    }\n  }\n": types.TurnOffFeedbackReminderDocument,
    "\n  query MyAwardShares {\n    myAwardShares {\n      awardId\n      organizationId\n      organizationName\n      grantedAt\n    }\n  }\n": types.MyAwardSharesDocument,
    "\n  query ShareOrganizations($search: String) {\n    organizations(filter: { search: $search, kind: EMPLOYER }, first: 10) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ShareOrganizationsDocument,
    "\n  mutation ShareAward($awardId: ID!, $organizationId: ID!) {\n    shareAward(awardId: $awardId, organizationId: $organizationId) {\n      awardId\n      organizationId\n      organizationName\n      grantedAt\n    }\n  }\n": types.ShareAwardDocument,
    "\n  mutation RevokeAwardShare($awardId: ID!, $organizationId: ID!) {\n    revokeAwardShare(awardId: $awardId, organizationId: $organizationId)\n  }\n": types.RevokeAwardShareDocument,
    "\n  query MySelfIdentification {\n    mySelfIdentification {\n      updatedAt\n      answers {\n        group\n        answer\n      }\n    }\n  }\n": types.MySelfIdentificationDocument,
    "\n  mutation SetSelfIdentification($answers: [EquityAnswerInput!]!) {\n    setSelfIdentification(answers: $answers) {\n      updatedAt\n      answers {\n        group\n        answer\n      }\n    }\n  }\n": types.SetSelfIdentificationDocument,
    "\n  mutation DeleteSelfIdentification {\n    deleteSelfIdentification\n  }\n": types.DeleteSelfIdentificationDocument,
    "\n  query MyEvidenceData {\n    myEvidenceData\n  }\n": types.MyEvidenceDataDocument,
    "\n  mutation DeleteMyEvidenceData {\n    deleteMyEvidenceData {\n      feedback\n      shares\n      selfIdentification\n    }\n  }\n": types.DeleteMyEvidenceDataDocument,
    "\n  query FrameworkSurvey($credentialId: ID!) {\n    survey(kind: FRAMEWORK) {\n      kind\n      version\n      questions {\n        ...SurveyQuestionFields\n      }\n    }\n    credential(id: $credentialId) {\n      id\n      title\n      issuer {\n        id\n        name\n      }\n    }\n  }\n": types.FrameworkSurveyDocument,
    "\n  mutation AnswerFrameworkSurvey($credentialId: ID!, $answers: [FeedbackAnswerInput!]!) {\n    answerFrameworkSurvey(credentialId: $credentialId, answers: $answers) {\n      credentialId\n      surveyVersion\n    }\n  }\n": types.AnswerFrameworkSurveyDocument,
    "\n  query OutcomeReportCredentials($organizationId: ID!) {\n    outcomeReportCredentials(organizationId: $organizationId) {\n      credentialId\n      title\n      competencies\n      ties\n    }\n    outcomeReports(organizationId: $organizationId) {\n      id\n      credentialId\n      cohortSize\n      hired\n      promoted\n      retained\n      assessmentReflectedJobPerformance\n      reportedAt\n      ratings {\n        competency\n        rating\n      }\n    }\n  }\n": types.OutcomeReportCredentialsDocument,
    "\n  mutation ReportOutcomes($input: ReportOutcomesInput!) {\n    reportOutcomes(input: $input) {\n      id\n      credentialId\n      reportedAt\n    }\n  }\n": types.ReportOutcomesDocument,
    "\n  fragment InsightsTableFields on InsightsTable {\n    name\n    learnerDerived\n    columns\n    csv\n    rows {\n      key\n      label\n      values\n      suppressed\n    }\n    total {\n      key\n      label\n      values\n      suppressed\n    }\n  }\n": types.InsightsTableFieldsFragmentDoc,
    "\n  query Insights($scope: InsightsScopeInput, $filter: InsightsFilterInput, $groupBy: InsightsGroupBy!) {\n    insights(scope: $scope, filter: $filter, groupBy: $groupBy) {\n      k\n      organizationId\n      groupBy\n      credentials {\n        ...InsightsTableFields\n      }\n      assessmentMix {\n        ...InsightsTableFields\n      }\n      stageTimes {\n        ...InsightsTableFields\n      }\n      partnerships {\n        ...InsightsTableFields\n      }\n      awards {\n        ...InsightsTableFields\n      }\n      feedback {\n        ...InsightsTableFields\n      }\n      outcomes {\n        ...InsightsTableFields\n      }\n      equityReach {\n        ...InsightsTableFields\n      }\n    }\n  }\n": types.InsightsDocument,
    "\n  query FrameworkElementInsights {\n    frameworkElementInsights {\n      element\n      mostImportant\n      leastImportant\n      responses\n      usefulBlueprint\n    }\n  }\n": types.FrameworkElementInsightsDocument,
    "\n  query Inbox($unreadOnly: Boolean) {\n    notifications(unreadOnly: $unreadOnly, first: 50) {\n      edges {\n        node {\n          id\n          type\n          title\n          body\n          read\n          createdAt\n          link\n        }\n      }\n    }\n  }\n": types.InboxDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      eventType\n      channel\n      enabled\n      emailMode\n      custom\n    }\n  }\n": types.NotificationPreferencesDocument,
    "\n  mutation UpdateNotificationPreferences($input: [NotificationPreferenceInput!]!) {\n    updateNotificationPreferences(input: $input) {\n      eventType\n      channel\n      enabled\n      emailMode\n      custom\n    }\n  }\n": types.UpdateNotificationPreferencesDocument,
    "\n  fragment ProfileFields on CapabilityProfile {\n    regions\n    deliveryModes\n    annualCapacity\n    version\n    skills {\n      level\n      skill {\n        ...PickedSkill\n      }\n    }\n  }\n": types.ProfileFieldsFragmentDoc,
    "\n  query CapabilityProfile($organizationId: ID!) {\n    capabilityProfile(organizationId: $organizationId) {\n      ...ProfileFields\n    }\n  }\n": types.CapabilityProfileDocument,
    "\n  mutation UpsertCapabilityProfile($input: CapabilityProfileInput!) {\n    upsertCapabilityProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n": types.UpsertCapabilityProfileDocument,
    "\n  query NeedMatches($institutionId: ID!) {\n    needMatches(institutionId: $institutionId, first: 10) {\n      score\n      reasons {\n        kind\n        weight\n        detail\n      }\n      need {\n        ...NeedSummaryFields\n      }\n    }\n  }\n": types.NeedMatchesDocument,
    "\n  query PartnerMatches($needId: ID!) {\n    partnerMatches(needId: $needId, first: 10) {\n      score\n      institution {\n        id\n        name\n        size\n        region\n      }\n      reasons {\n        kind\n        weight\n        detail\n      }\n    }\n  }\n": types.PartnerMatchesDocument,
    "\n  mutation PostSkillNeed($input: PostSkillNeedInput!) {\n    postSkillNeed(input: $input) {\n      ...NeedFields\n    }\n  }\n": types.PostSkillNeedDocument,
    "\n  mutation UpdateSkillNeed($id: ID!, $input: UpdateSkillNeedInput!, $expectedVersion: Int) {\n    updateSkillNeed(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...NeedFields\n    }\n  }\n": types.UpdateSkillNeedDocument,
    "\n  mutation CloseSkillNeed($id: ID!) {\n    closeSkillNeed(id: $id) {\n      id\n      status\n      version\n    }\n  }\n": types.CloseSkillNeedDocument,
    "\n  query OrganizationNeeds($organizationId: ID!) {\n    skillNeeds(filter: { organizationId: $organizationId }, first: 50) {\n      edges {\n        node {\n          ...NeedSummaryFields\n        }\n      }\n    }\n  }\n": types.OrganizationNeedsDocument,
    "\n  mutation RespondToPartnership($id: ID!, $accept: Boolean!, $message: String) {\n    respondToPartnership(id: $id, accept: $accept, message: $message) {\n      ...PartnershipFields\n    }\n  }\n": types.RespondToPartnershipDocument,
    "\n  mutation WithdrawPartnership($id: ID!) {\n    withdrawPartnership(id: $id) {\n      ...PartnershipFields\n    }\n  }\n": types.WithdrawPartnershipDocument,
    "\n  fragment NeedBaseFields on SkillNeed {\n    id\n    title\n    description\n    status\n    region\n    sector\n    deliveryModes\n    learnerCount\n    careerStage\n    neededBy\n    version\n    createdAt\n    organization {\n      id\n      name\n      size\n      region\n    }\n  }\n": types.NeedBaseFieldsFragmentDoc,
    "\n  fragment NeedFields on SkillNeed {\n    ...NeedBaseFields\n    skills {\n      level\n      skill {\n        ...PickedSkill\n      }\n    }\n  }\n": types.NeedFieldsFragmentDoc,
    "\n  fragment NeedSummaryFields on SkillNeed {\n    ...NeedBaseFields\n    skills {\n      level\n      skill {\n        id\n        label\n        labelFr\n      }\n    }\n  }\n": types.NeedSummaryFieldsFragmentDoc,
    "\n  query SkillNeed($id: ID!) {\n    skillNeed(id: $id) {\n      ...NeedFields\n    }\n  }\n": types.SkillNeedDocument,
    "\n  fragment PartnershipFields on Partnership {\n    id\n    state\n    message\n    responseMessage\n    createdAt\n    respondedAt\n    institution {\n      id\n      name\n      size\n      region\n    }\n    employer {\n      id\n      name\n      size\n      region\n    }\n    proposedBy {\n      id\n      name\n    }\n    need {\n      id\n      title\n      region\n      learnerCount\n      status\n    }\n  }\n": types.PartnershipFieldsFragmentDoc,
    "\n  query Partnerships($organizationId: ID!, $filter: PartnershipFilter) {\n    partnerships(organizationId: $organizationId, filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...PartnershipFields\n        }\n      }\n    }\n  }\n": types.PartnershipsDocument,
    "\n  mutation ProposePartnership($input: ProposePartnershipInput!) {\n    proposePartnership(input: $input) {\n      ...PartnershipFields\n    }\n  }\n": types.ProposePartnershipDocument,
    "\n  query MarketplaceRegions {\n    regions {\n      code\n      kind\n      nameEn\n      nameFr\n    }\n  }\n": types.MarketplaceRegionsDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query Regions {\n    regions {\n      code\n      kind\n      nameEn\n      nameFr\n    }\n  }\n": types.RegionsDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  mutation InviteMember($organizationId: ID!, $email: String!, $role: Role!) {\n    inviteMember(organizationId: $organizationId, email: $email, role: $role) {\n      email\n      acceptUrl\n    }\n  }\n": types.InviteMemberDocument,
    "\n  query Umbrellas {\n    organizations(filter: { kind: UMBRELLA }, first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.UmbrellasDocument,
    "\n  mutation JoinUmbrella($umbrellaId: ID!, $organizationId: ID!) {\n    joinUmbrella(umbrellaId: $umbrellaId, organizationId: $organizationId) {\n      organization {\n        name\n      }\n    }\n  }\n": types.JoinUmbrellaDocument,
    "\n  query HomeActions(\n    $organizationId: ID!\n    $marketplace: Boolean!\n    $employer: Boolean!\n    $institution: Boolean!\n    $umbrellaAdmin: Boolean!\n    $operator: Boolean!\n  ) {\n    proposalsToUs: partnerships(\n      organizationId: $organizationId\n      filter: { state: PROPOSED, direction: PROPOSED_TO_US }\n      first: 1\n    ) @include(if: $marketplace) {\n      totalCount\n    }\n    acceptedPartnerships: partnerships(organizationId: $organizationId, filter: { state: ACCEPTED }, first: 100)\n      @include(if: $marketplace) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n    needs: skillNeeds(filter: { organizationId: $organizationId }, first: 1) @include(if: $employer) {\n      totalCount\n    }\n    openNeeds: skillNeeds(filter: { organizationId: $organizationId, status: OPEN }, first: 1) @include(if: $employer) {\n      totalCount\n    }\n    capabilityProfile(organizationId: $organizationId) @include(if: $institution) {\n      version\n    }\n    credentialDesigns(organizationId: $organizationId, first: 100) {\n      edges {\n        node {\n          id\n          stage\n          reviewOverdue\n          partnershipId\n          waitingOn {\n            id\n          }\n        }\n      }\n    }\n    issuable: credentials(filter: { issuerId: $organizationId }, first: 1) @include(if: $institution) {\n      totalCount\n    }\n    umbrella: organization(id: $organizationId) @include(if: $umbrellaAdmin) {\n      id\n      umbrellaJoinRequests {\n        id\n        state\n        requestedAt\n        organization {\n          id\n          name\n        }\n      }\n    }\n    unverified: organizations(filter: { verified: false }, first: 20) @include(if: $operator) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.HomeActionsDocument,
    "\n  mutation RespondToUmbrellaJoinRequest($id: ID!, $accept: Boolean!) {\n    respondToUmbrellaJoinRequest(id: $id, accept: $accept) {\n      id\n      state\n    }\n  }\n": types.RespondToUmbrellaJoinRequestDocument,
    "\n  mutation VerifyOrganization($id: ID!) {\n    verifyOrganization(id: $id) {\n      id\n      verified\n    }\n  }\n": types.VerifyOrganizationDocument,
    "\n  fragment CredentialSummary on Credential {\n    id\n    title\n    publishedAt\n    assessment {\n      masteryThreshold\n      attemptsAllowed\n    }\n    issuer {\n      id\n      name\n    }\n    endorsements {\n      id\n      withdrawnAt\n      organization {\n        id\n      }\n    }\n    sponsorships {\n      id\n      umbrella {\n        id\n        name\n      }\n    }\n    adoptions {\n      id\n      institution {\n        id\n        name\n      }\n      umbrella {\n        id\n        name\n      }\n    }\n  }\n": types.CredentialSummaryFragmentDoc,
    "\n  query TrustCredentials($issuerId: ID) {\n    credentials(filter: { issuerId: $issuerId }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...CredentialSummary\n        }\n      }\n    }\n  }\n": types.TrustCredentialsDocument,
    "\n  fragment EndorsementFields on Endorsement {\n    id\n    organization {\n      id\n      name\n    }\n    inDemand\n    assessmentReflectsJobPerformance\n    comment\n    createdAt\n    withdrawnAt\n  }\n": types.EndorsementFieldsFragmentDoc,
    "\n  query TrustCredential($id: ID!) {\n    credential(id: $id) {\n      id\n      title\n      publishedAt\n      issuer {\n        id\n        name\n      }\n      sponsorships {\n        id\n        umbrella {\n          id\n          name\n        }\n      }\n      adoptions {\n        id\n        institution {\n          id\n          name\n        }\n        umbrella {\n          id\n          name\n        }\n      }\n      designId\n      contributionsVisible\n      framework {\n        id\n        name\n        version\n      }\n      endorsements {\n        ...EndorsementFields\n      }\n      endorsementsBySector {\n        sector\n        name\n        endorsements {\n          ...EndorsementFields\n        }\n      }\n    }\n  }\n": types.TrustCredentialDocument,
    "\n  query TrustContributions($id: ID!) {\n    credential(id: $id) {\n      id\n      contributions {\n        designers {\n          organization {\n            id\n            name\n          }\n          isIssuer\n          versionsAuthored\n        }\n        reviewers {\n          organization {\n            id\n            name\n          }\n          approvals\n          lastApprovedAt\n        }\n        endorsers {\n          organization {\n            id\n            name\n          }\n          endorsedAt\n          withdrawn\n        }\n        sponsors {\n          organization {\n            id\n            name\n          }\n          since\n        }\n        adopters {\n          organization {\n            id\n            name\n          }\n          umbrella {\n            id\n            name\n          }\n          since\n        }\n        issuers {\n          organization {\n            id\n            name\n          }\n          active\n          revoked\n        }\n      }\n    }\n  }\n": types.TrustContributionsDocument,
    "\n  query TrustOrganizationUmbrellas($id: ID!) {\n    organization(id: $id) {\n      id\n      umbrellas {\n        id\n        name\n      }\n      memberOrganizations {\n        id\n        name\n        kind\n      }\n    }\n  }\n": types.TrustOrganizationUmbrellasDocument,
    "\n  mutation EndorseCredential($credentialId: ID!, $organizationId: ID!, $input: EndorsementInput!) {\n    endorseCredential(credentialId: $credentialId, organizationId: $organizationId, input: $input) {\n      id\n    }\n  }\n": types.EndorseCredentialDocument,
    "\n  mutation WithdrawEndorsement($id: ID!) {\n    withdrawEndorsement(id: $id) {\n      id\n      withdrawnAt\n    }\n  }\n": types.WithdrawEndorsementDocument,
    "\n  mutation SponsorCredential($credentialId: ID!, $umbrellaId: ID!) {\n    sponsorCredential(credentialId: $credentialId, umbrellaId: $umbrellaId) {\n      id\n    }\n  }\n": types.SponsorCredentialDocument,
    "\n  mutation AdoptSharedCredential($credentialId: ID!, $institutionId: ID!) {\n    adoptSharedCredential(credentialId: $credentialId, institutionId: $institutionId) {\n      id\n    }\n  }\n": types.AdoptSharedCredentialDocument,
    "\n  fragment AwardFields on Award {\n    id\n    publicUrl\n    status\n    credentialId\n    recipientName\n    score\n    attempt\n    awardedAt\n    revokedAt\n    revokedReason\n    issuer {\n      id\n      name\n    }\n  }\n": types.AwardFieldsFragmentDoc,
    "\n  query IssuerAwards($filter: AwardFilter) {\n    awards(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...AwardFields\n        }\n      }\n    }\n  }\n": types.IssuerAwardsDocument,
    "\n  mutation AwardCredential($input: AwardInput!) {\n    awardCredential(input: $input) {\n      ...AwardFields\n    }\n  }\n": types.AwardCredentialDocument,
    "\n  mutation RevokeAward($id: ID!, $reason: String!) {\n    revokeAward(id: $id, reason: $reason) {\n      ...AwardFields\n    }\n  }\n": types.RevokeAwardDocument,
    "\n  fragment AwardBatchFields on AwardBatch {\n    id\n    status\n    total\n    succeeded\n    failed\n    finishedAt\n    items {\n      position\n      recipientName\n      score\n      status\n      awardId\n      errorCode\n      errorMessage\n    }\n  }\n": types.AwardBatchFieldsFragmentDoc,
    "\n  mutation AwardCredentialBatch($input: AwardBatchInput!) {\n    awardCredentialBatch(input: $input) {\n      ...AwardBatchFields\n    }\n  }\n": types.AwardCredentialBatchDocument,
    "\n  query AwardBatchProgress($id: ID!) {\n    awardBatch(id: $id) {\n      ...AwardBatchFields\n    }\n  }\n": types.AwardBatchProgressDocument,
    "\n  query MyAwards {\n    myAwards(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...AwardFields\n          openBadge\n        }\n      }\n    }\n  }\n": types.MyAwardsDocument,
    "\n  query MyTranscript {\n    myTranscript\n  }\n": types.MyTranscriptDocument,
    "\n  fragment PickedSkill on Skill {\n    id\n    label\n    labelFr\n    framework\n    broader {\n      id\n      label\n      labelFr\n    }\n  }\n": types.PickedSkillFragmentDoc,
    "\n  query SearchSkills($search: String, $framework: String) {\n    skills(search: $search, framework: $framework, first: 12) {\n      edges {\n        node {\n          ...PickedSkill\n          altLabels\n          altLabelsFr\n        }\n      }\n    }\n  }\n": types.SearchSkillsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      email\n      emailVerified\n      locale\n      memberships {\n        role\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      email\n      emailVerified\n      locale\n      memberships {\n        role\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshToken {\n    refreshToken {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshToken {\n    refreshToken {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemandMap($groupBy: DemandGrouping!, $filter: DemandFilter, $first: Int!) {\n    demandMap(groupBy: $groupBy, filter: $filter, first: $first) {\n      key\n      label\n      needs\n      learners\n      supply\n      gap\n    }\n  }\n"): (typeof documents)["\n  query DemandMap($groupBy: DemandGrouping!, $filter: DemandFilter, $first: Int!) {\n    demandMap(groupBy: $groupBy, filter: $filter, first: $first) {\n      key\n      label\n      needs\n      learners\n      supply\n      gap\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestEmailVerification {\n    requestEmailVerification {\n      emailVerified\n    }\n  }\n"): (typeof documents)["\n  mutation RequestEmailVerification {\n    requestEmailVerification {\n      emailVerified\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      id\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      id\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CatalogueEntryFields on CatalogueEntry {\n    credential {\n      id\n      title\n    }\n    issuerName\n    description\n    language\n    deliveryMode\n    hours\n    price\n    credit\n    transcriptable\n    endorsementCount\n    issuerRegion\n    issuerSize\n    publishedAt\n  }\n"): (typeof documents)["\n  fragment CatalogueEntryFields on CatalogueEntry {\n    credential {\n      id\n      title\n    }\n    issuerName\n    description\n    language\n    deliveryMode\n    hours\n    price\n    credit\n    transcriptable\n    endorsementCount\n    issuerRegion\n    issuerSize\n    publishedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogueSearch($query: String, $filter: CatalogueFilter, $sort: CatalogueSort, $after: String) {\n    searchCredentials(query: $query, filter: $filter, sort: $sort, first: 20, after: $after) {\n      totalCount\n      sort\n      edges {\n        cursor\n        node {\n          ...CatalogueEntryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        name\n        values {\n          value\n          count\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CatalogueSearch($query: String, $filter: CatalogueFilter, $sort: CatalogueSort, $after: String) {\n    searchCredentials(query: $query, filter: $filter, sort: $sort, first: 20, after: $after) {\n      totalCount\n      sort\n      edges {\n        cursor\n        node {\n          ...CatalogueEntryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        name\n        values {\n          value\n          count\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogueCredential($id: ID!) {\n    catalogueEntry(credentialId: $id) {\n      ...CatalogueEntryFields\n      retired\n    }\n    pathways(credentialId: $id) {\n      id\n      title\n      rule\n      requiredCount\n      ownerName\n      target {\n        id\n        title\n      }\n      steps {\n        position\n        credential {\n          id\n          title\n        }\n      }\n    }\n    recognitions(credentialId: $id) {\n      id\n      institutionName\n      creditAmount\n      creditUnit\n      conditions\n      pathway {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query CatalogueCredential($id: ID!) {\n    catalogueEntry(credentialId: $id) {\n      ...CatalogueEntryFields\n      retired\n    }\n    pathways(credentialId: $id) {\n      id\n      title\n      rule\n      requiredCount\n      ownerName\n      target {\n        id\n        title\n      }\n      steps {\n        position\n        credential {\n          id\n          title\n        }\n      }\n    }\n    recognitions(credentialId: $id) {\n      id\n      institutionName\n      creditAmount\n      creditUnit\n      conditions\n      pathway {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPathwayProgress {\n    myPathwayProgress {\n      pathway {\n        id\n        title\n        target {\n          id\n          title\n        }\n      }\n      earned\n      required\n      complete\n      steps {\n        status\n        credential {\n          id\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyPathwayProgress {\n    myPathwayProgress {\n      pathway {\n        id\n        title\n        target {\n          id\n          title\n        }\n      }\n      earned\n      required\n      complete\n      steps {\n        status\n        credential {\n          id\n          title\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialsTeaching($skillIds: [ID!]!) {\n    searchCredentials(filter: { skillIds: $skillIds }, sort: MOST_ENDORSED, first: 10) {\n      totalCount\n      edges {\n        node {\n          ...CatalogueEntryFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CredentialsTeaching($skillIds: [ID!]!) {\n    searchCredentials(filter: { skillIds: $skillIds }, sort: MOST_ENDORSED, first: 10) {\n      totalCount\n      edges {\n        node {\n          ...CatalogueEntryFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Frameworks {\n    frameworks {\n      id\n      key\n      name\n      version\n    }\n  }\n"): (typeof documents)["\n  query Frameworks {\n    frameworks {\n      id\n      key\n      name\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialDesigns($organizationId: ID!, $stage: DesignStage) {\n    credentialDesigns(organizationId: $organizationId, stage: $stage, first: 100) {\n      edges {\n        node {\n          id\n          title\n          stage\n          version\n          updatedAt\n          reviewDueAt\n          reviewOverdue\n          issuer {\n            id\n            name\n          }\n          partners {\n            id\n            name\n          }\n          waitingOn {\n            id\n            name\n          }\n        }\n      }\n    }\n    designStageSummary(organizationId: $organizationId) {\n      stage\n      current\n      averageMs\n      waitingOn {\n        organization {\n          id\n          name\n        }\n        designs\n      }\n    }\n  }\n"): (typeof documents)["\n  query CredentialDesigns($organizationId: ID!, $stage: DesignStage) {\n    credentialDesigns(organizationId: $organizationId, stage: $stage, first: 100) {\n      edges {\n        node {\n          id\n          title\n          stage\n          version\n          updatedAt\n          reviewDueAt\n          reviewOverdue\n          issuer {\n            id\n            name\n          }\n          partners {\n            id\n            name\n          }\n          waitingOn {\n            id\n            name\n          }\n        }\n      }\n    }\n    designStageSummary(organizationId: $organizationId) {\n      stage\n      current\n      averageMs\n      waitingOn {\n        organization {\n          id\n          name\n        }\n        designs\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AcceptedPartnerships($organizationId: ID!) {\n    partnerships(organizationId: $organizationId, filter: { state: ACCEPTED }, first: 100) {\n      edges {\n        node {\n          id\n          institution {\n            id\n            name\n          }\n          employer {\n            id\n            name\n          }\n          need {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AcceptedPartnerships($organizationId: ID!) {\n    partnerships(organizationId: $organizationId, filter: { state: ACCEPTED }, first: 100) {\n      edges {\n        node {\n          id\n          institution {\n            id\n            name\n          }\n          employer {\n            id\n            name\n          }\n          need {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCredentialDesign($input: CreateCredentialDesignInput!) {\n    createCredentialDesign(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCredentialDesign($input: CreateCredentialDesignInput!) {\n    createCredentialDesign(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DesignWorkspace on CredentialDesign {\n    id\n    version\n    stage\n    title\n    description\n    issuer {\n      id\n      name\n    }\n    partners {\n      id\n      name\n    }\n    partnershipId\n    competencies {\n      skillId\n    }\n    outcomes {\n      statement\n      kind\n      skillIds\n    }\n    assessment {\n      methods\n      masteryThreshold\n      attemptsAllowed\n      authentic\n      evidenceVisibleToEmployers\n      evidenceRequirements\n    }\n    hours\n    weeks\n    deliveryMode\n    credit\n    transcriptable\n    stackableInto\n    careerStage\n    price\n    language\n    level\n    qualityAssurance\n    evidenceOfNeed\n    annualReview\n    reviewDueAt\n    reviewOverdue\n    framework {\n      id\n      key\n      name\n      version\n    }\n    approvals {\n      organization {\n        id\n        name\n      }\n      version\n      approvedAt\n    }\n    pendingApprovals {\n      id\n      name\n    }\n    waitingOn {\n      id\n      name\n    }\n    comments {\n      id\n      body\n      field\n      resolved\n      designVersion\n      createdAt\n      author {\n        id\n        name\n      }\n      replies {\n        id\n        body\n        createdAt\n        author {\n          id\n          name\n        }\n      }\n    }\n    versions {\n      version\n      createdAt\n      summary\n      author {\n        id\n        name\n      }\n    }\n    timeInStages {\n      stage\n      visits\n      totalMs\n    }\n    credential {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment DesignWorkspace on CredentialDesign {\n    id\n    version\n    stage\n    title\n    description\n    issuer {\n      id\n      name\n    }\n    partners {\n      id\n      name\n    }\n    partnershipId\n    competencies {\n      skillId\n    }\n    outcomes {\n      statement\n      kind\n      skillIds\n    }\n    assessment {\n      methods\n      masteryThreshold\n      attemptsAllowed\n      authentic\n      evidenceVisibleToEmployers\n      evidenceRequirements\n    }\n    hours\n    weeks\n    deliveryMode\n    credit\n    transcriptable\n    stackableInto\n    careerStage\n    price\n    language\n    level\n    qualityAssurance\n    evidenceOfNeed\n    annualReview\n    reviewDueAt\n    reviewOverdue\n    framework {\n      id\n      key\n      name\n      version\n    }\n    approvals {\n      organization {\n        id\n        name\n      }\n      version\n      approvedAt\n    }\n    pendingApprovals {\n      id\n      name\n    }\n    waitingOn {\n      id\n      name\n    }\n    comments {\n      id\n      body\n      field\n      resolved\n      designVersion\n      createdAt\n      author {\n        id\n        name\n      }\n      replies {\n        id\n        body\n        createdAt\n        author {\n          id\n          name\n        }\n      }\n    }\n    versions {\n      version\n      createdAt\n      summary\n      author {\n        id\n        name\n      }\n    }\n    timeInStages {\n      stage\n      visits\n      totalMs\n    }\n    credential {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialDesign($id: ID!) {\n    credentialDesign(id: $id) {\n      ...DesignWorkspace\n    }\n  }\n"): (typeof documents)["\n  query CredentialDesign($id: ID!) {\n    credentialDesign(id: $id) {\n      ...DesignWorkspace\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCredentialDesign($id: ID!, $expectedVersion: Int!, $input: UpdateCredentialDesignInput!) {\n    updateCredentialDesign(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...DesignWorkspace\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCredentialDesign($id: ID!, $expectedVersion: Int!, $input: UpdateCredentialDesignInput!) {\n    updateCredentialDesign(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...DesignWorkspace\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DesignCompliance($id: ID!, $frameworkId: ID) {\n    credentialDesign(id: $id) {\n      id\n      version\n      compliance(frameworkId: $frameworkId) {\n        passed\n        framework {\n          id\n          key\n          name\n          version\n        }\n        rules {\n          id\n          label\n          status\n          reason\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DesignCompliance($id: ID!, $frameworkId: ID) {\n    credentialDesign(id: $id) {\n      id\n      version\n      compliance(frameworkId: $frameworkId) {\n        passed\n        framework {\n          id\n          key\n          name\n          version\n        }\n        rules {\n          id\n          label\n          status\n          reason\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommentOnDesign($designId: ID!, $body: String!, $field: String, $replyTo: ID) {\n    commentOnDesign(designId: $designId, body: $body, field: $field, replyTo: $replyTo) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CommentOnDesign($designId: ID!, $body: String!, $field: String, $replyTo: ID) {\n    commentOnDesign(designId: $designId, body: $body, field: $field, replyTo: $replyTo) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveDesignComment($id: ID!, $resolved: Boolean!) {\n    resolveDesignComment(id: $id, resolved: $resolved) {\n      id\n      resolved\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveDesignComment($id: ID!, $resolved: Boolean!) {\n    resolveDesignComment(id: $id, resolved: $resolved) {\n      id\n      resolved\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DesignVersionDiff($designId: ID!, $from: Int!, $to: Int!) {\n    designVersionDiff(designId: $designId, from: $from, to: $to) {\n      field\n      before\n      after\n    }\n  }\n"): (typeof documents)["\n  query DesignVersionDiff($designId: ID!, $from: Int!, $to: Int!) {\n    designVersionDiff(designId: $designId, from: $from, to: $to) {\n      field\n      before\n      after\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddDesignPartner($designId: ID!, $organizationId: ID!) {\n    addDesignPartner(designId: $designId, organizationId: $organizationId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddDesignPartner($designId: ID!, $organizationId: ID!) {\n    addDesignPartner(designId: $designId, organizationId: $organizationId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationDirectory($search: String) {\n    organizations(filter: { search: $search }, first: 10) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationDirectory($search: String) {\n    organizations(filter: { search: $search }, first: 10) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitDesignForReview($id: ID!, $reviewDueAt: DateTime) {\n    submitDesignForReview(id: $id, reviewDueAt: $reviewDueAt) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitDesignForReview($id: ID!, $reviewDueAt: DateTime) {\n    submitDesignForReview(id: $id, reviewDueAt: $reviewDueAt) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestDesignChanges($id: ID!, $comment: String!, $organizationId: ID) {\n    requestDesignChanges(id: $id, comment: $comment, organizationId: $organizationId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RequestDesignChanges($id: ID!, $comment: String!, $organizationId: ID) {\n    requestDesignChanges(id: $id, comment: $comment, organizationId: $organizationId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveDesign($id: ID!, $organizationId: ID!) {\n    approveDesign(id: $id, organizationId: $organizationId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveDesign($id: ID!, $organizationId: ID!) {\n    approveDesign(id: $id, organizationId: $organizationId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishCredential($designId: ID!) {\n    publishCredential(designId: $designId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PublishCredential($designId: ID!) {\n    publishCredential(designId: $designId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Skill($id: ID!) {\n    skill(id: $id) {\n      ...PickedSkill\n    }\n  }\n"): (typeof documents)["\n  query Skill($id: ID!) {\n    skill(id: $id) {\n      ...PickedSkill\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemandGroupSkills($id: ID!) {\n    skill(id: $id) {\n      id\n      narrower {\n        id\n        narrower {\n          id\n          narrower {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DemandGroupSkills($id: ID!) {\n    skill(id: $id) {\n      id\n      narrower {\n        id\n        narrower {\n          id\n          narrower {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemandNeeds($filter: SkillNeedFilter) {\n    skillNeeds(filter: $filter, first: 50) {\n      edges {\n        node {\n          ...NeedSummaryFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DemandNeeds($filter: SkillNeedFilter) {\n    skillNeeds(filter: $filter, first: 50) {\n      edges {\n        node {\n          ...NeedSummaryFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SurveyQuestionFields on SurveyQuestion {\n    key\n    type\n    required\n    min\n    max\n    maxLength\n    label {\n      en\n      fr\n    }\n    minLabel {\n      en\n      fr\n    }\n    maxLabel {\n      en\n      fr\n    }\n    options {\n      value\n      label {\n        en\n        fr\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SurveyQuestionFields on SurveyQuestion {\n    key\n    type\n    required\n    min\n    max\n    maxLength\n    label {\n      en\n      fr\n    }\n    minLabel {\n      en\n      fr\n    }\n    maxLabel {\n      en\n      fr\n    }\n    options {\n      value\n      label {\n        en\n        fr\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AwardFeedbackFields on AwardFeedback {\n    awardId\n    credentialId\n    credentialTitle\n    remindersOff\n    revoked\n    survey {\n      kind\n      version\n      questions {\n        ...SurveyQuestionFields\n      }\n    }\n    response {\n      surveyVersion\n      revision\n      submittedAt\n      updatedAt\n      editableUntil\n      answers {\n        key\n        value\n        choices\n        text\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AwardFeedbackFields on AwardFeedback {\n    awardId\n    credentialId\n    credentialTitle\n    remindersOff\n    revoked\n    survey {\n      kind\n      version\n      questions {\n        ...SurveyQuestionFields\n      }\n    }\n    response {\n      surveyVersion\n      revision\n      submittedAt\n      updatedAt\n      editableUntil\n      answers {\n        key\n        value\n        choices\n        text\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyFeedbackRequests {\n    myFeedbackRequests {\n      awardId\n      credentialId\n      credentialTitle\n      issuedAt\n      answered\n      remindersOff\n      revoked\n    }\n  }\n"): (typeof documents)["\n  query MyFeedbackRequests {\n    myFeedbackRequests {\n      awardId\n      credentialId\n      credentialTitle\n      issuedAt\n      answered\n      remindersOff\n      revoked\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AwardFeedback($awardId: ID!) {\n    awardFeedback(awardId: $awardId) {\n      ...AwardFeedbackFields\n    }\n  }\n"): (typeof documents)["\n  query AwardFeedback($awardId: ID!) {\n    awardFeedback(awardId: $awardId) {\n      ...AwardFeedbackFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitFeedback($input: SubmitFeedbackInput!) {\n    submitFeedback(input: $input) {\n      ...AwardFeedbackFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitFeedback($input: SubmitFeedbackInput!) {\n    submitFeedback(input: $input) {\n      ...AwardFeedbackFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteFeedback($awardId: ID!) {\n    deleteFeedback(awardId: $awardId)\n  }\n"): (typeof documents)["\n  mutation DeleteFeedback($awardId: ID!) {\n    deleteFeedback(awardId: $awardId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TurnOffFeedbackReminder($awardId: ID!) {\n    turnOffFeedbackReminder(awardId: $awardId) {\n      ...AwardFeedbackFields\n    }\n  }\n"): (typeof documents)["\n  mutation TurnOffFeedbackReminder($awardId: ID!) {\n    turnOffFeedbackReminder(awardId: $awardId) {\n      ...AwardFeedbackFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAwardShares {\n    myAwardShares {\n      awardId\n      organizationId\n      organizationName\n      grantedAt\n    }\n  }\n"): (typeof documents)["\n  query MyAwardShares {\n    myAwardShares {\n      awardId\n      organizationId\n      organizationName\n      grantedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShareOrganizations($search: String) {\n    organizations(filter: { search: $search, kind: EMPLOYER }, first: 10) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ShareOrganizations($search: String) {\n    organizations(filter: { search: $search, kind: EMPLOYER }, first: 10) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareAward($awardId: ID!, $organizationId: ID!) {\n    shareAward(awardId: $awardId, organizationId: $organizationId) {\n      awardId\n      organizationId\n      organizationName\n      grantedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ShareAward($awardId: ID!, $organizationId: ID!) {\n    shareAward(awardId: $awardId, organizationId: $organizationId) {\n      awardId\n      organizationId\n      organizationName\n      grantedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAwardShare($awardId: ID!, $organizationId: ID!) {\n    revokeAwardShare(awardId: $awardId, organizationId: $organizationId)\n  }\n"): (typeof documents)["\n  mutation RevokeAwardShare($awardId: ID!, $organizationId: ID!) {\n    revokeAwardShare(awardId: $awardId, organizationId: $organizationId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySelfIdentification {\n    mySelfIdentification {\n      updatedAt\n      answers {\n        group\n        answer\n      }\n    }\n  }\n"): (typeof documents)["\n  query MySelfIdentification {\n    mySelfIdentification {\n      updatedAt\n      answers {\n        group\n        answer\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSelfIdentification($answers: [EquityAnswerInput!]!) {\n    setSelfIdentification(answers: $answers) {\n      updatedAt\n      answers {\n        group\n        answer\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetSelfIdentification($answers: [EquityAnswerInput!]!) {\n    setSelfIdentification(answers: $answers) {\n      updatedAt\n      answers {\n        group\n        answer\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSelfIdentification {\n    deleteSelfIdentification\n  }\n"): (typeof documents)["\n  mutation DeleteSelfIdentification {\n    deleteSelfIdentification\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyEvidenceData {\n    myEvidenceData\n  }\n"): (typeof documents)["\n  query MyEvidenceData {\n    myEvidenceData\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMyEvidenceData {\n    deleteMyEvidenceData {\n      feedback\n      shares\n      selfIdentification\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteMyEvidenceData {\n    deleteMyEvidenceData {\n      feedback\n      shares\n      selfIdentification\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FrameworkSurvey($credentialId: ID!) {\n    survey(kind: FRAMEWORK) {\n      kind\n      version\n      questions {\n        ...SurveyQuestionFields\n      }\n    }\n    credential(id: $credentialId) {\n      id\n      title\n      issuer {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query FrameworkSurvey($credentialId: ID!) {\n    survey(kind: FRAMEWORK) {\n      kind\n      version\n      questions {\n        ...SurveyQuestionFields\n      }\n    }\n    credential(id: $credentialId) {\n      id\n      title\n      issuer {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnswerFrameworkSurvey($credentialId: ID!, $answers: [FeedbackAnswerInput!]!) {\n    answerFrameworkSurvey(credentialId: $credentialId, answers: $answers) {\n      credentialId\n      surveyVersion\n    }\n  }\n"): (typeof documents)["\n  mutation AnswerFrameworkSurvey($credentialId: ID!, $answers: [FeedbackAnswerInput!]!) {\n    answerFrameworkSurvey(credentialId: $credentialId, answers: $answers) {\n      credentialId\n      surveyVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OutcomeReportCredentials($organizationId: ID!) {\n    outcomeReportCredentials(organizationId: $organizationId) {\n      credentialId\n      title\n      competencies\n      ties\n    }\n    outcomeReports(organizationId: $organizationId) {\n      id\n      credentialId\n      cohortSize\n      hired\n      promoted\n      retained\n      assessmentReflectedJobPerformance\n      reportedAt\n      ratings {\n        competency\n        rating\n      }\n    }\n  }\n"): (typeof documents)["\n  query OutcomeReportCredentials($organizationId: ID!) {\n    outcomeReportCredentials(organizationId: $organizationId) {\n      credentialId\n      title\n      competencies\n      ties\n    }\n    outcomeReports(organizationId: $organizationId) {\n      id\n      credentialId\n      cohortSize\n      hired\n      promoted\n      retained\n      assessmentReflectedJobPerformance\n      reportedAt\n      ratings {\n        competency\n        rating\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportOutcomes($input: ReportOutcomesInput!) {\n    reportOutcomes(input: $input) {\n      id\n      credentialId\n      reportedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ReportOutcomes($input: ReportOutcomesInput!) {\n    reportOutcomes(input: $input) {\n      id\n      credentialId\n      reportedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InsightsTableFields on InsightsTable {\n    name\n    learnerDerived\n    columns\n    csv\n    rows {\n      key\n      label\n      values\n      suppressed\n    }\n    total {\n      key\n      label\n      values\n      suppressed\n    }\n  }\n"): (typeof documents)["\n  fragment InsightsTableFields on InsightsTable {\n    name\n    learnerDerived\n    columns\n    csv\n    rows {\n      key\n      label\n      values\n      suppressed\n    }\n    total {\n      key\n      label\n      values\n      suppressed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Insights($scope: InsightsScopeInput, $filter: InsightsFilterInput, $groupBy: InsightsGroupBy!) {\n    insights(scope: $scope, filter: $filter, groupBy: $groupBy) {\n      k\n      organizationId\n      groupBy\n      credentials {\n        ...InsightsTableFields\n      }\n      assessmentMix {\n        ...InsightsTableFields\n      }\n      stageTimes {\n        ...InsightsTableFields\n      }\n      partnerships {\n        ...InsightsTableFields\n      }\n      awards {\n        ...InsightsTableFields\n      }\n      feedback {\n        ...InsightsTableFields\n      }\n      outcomes {\n        ...InsightsTableFields\n      }\n      equityReach {\n        ...InsightsTableFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Insights($scope: InsightsScopeInput, $filter: InsightsFilterInput, $groupBy: InsightsGroupBy!) {\n    insights(scope: $scope, filter: $filter, groupBy: $groupBy) {\n      k\n      organizationId\n      groupBy\n      credentials {\n        ...InsightsTableFields\n      }\n      assessmentMix {\n        ...InsightsTableFields\n      }\n      stageTimes {\n        ...InsightsTableFields\n      }\n      partnerships {\n        ...InsightsTableFields\n      }\n      awards {\n        ...InsightsTableFields\n      }\n      feedback {\n        ...InsightsTableFields\n      }\n      outcomes {\n        ...InsightsTableFields\n      }\n      equityReach {\n        ...InsightsTableFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FrameworkElementInsights {\n    frameworkElementInsights {\n      element\n      mostImportant\n      leastImportant\n      responses\n      usefulBlueprint\n    }\n  }\n"): (typeof documents)["\n  query FrameworkElementInsights {\n    frameworkElementInsights {\n      element\n      mostImportant\n      leastImportant\n      responses\n      usefulBlueprint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inbox($unreadOnly: Boolean) {\n    notifications(unreadOnly: $unreadOnly, first: 50) {\n      edges {\n        node {\n          id\n          type\n          title\n          body\n          read\n          createdAt\n          link\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Inbox($unreadOnly: Boolean) {\n    notifications(unreadOnly: $unreadOnly, first: 50) {\n      edges {\n        node {\n          id\n          type\n          title\n          body\n          read\n          createdAt\n          link\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferences {\n    notificationPreferences {\n      eventType\n      channel\n      enabled\n      emailMode\n      custom\n    }\n  }\n"): (typeof documents)["\n  query NotificationPreferences {\n    notificationPreferences {\n      eventType\n      channel\n      enabled\n      emailMode\n      custom\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationPreferences($input: [NotificationPreferenceInput!]!) {\n    updateNotificationPreferences(input: $input) {\n      eventType\n      channel\n      enabled\n      emailMode\n      custom\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationPreferences($input: [NotificationPreferenceInput!]!) {\n    updateNotificationPreferences(input: $input) {\n      eventType\n      channel\n      enabled\n      emailMode\n      custom\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfileFields on CapabilityProfile {\n    regions\n    deliveryModes\n    annualCapacity\n    version\n    skills {\n      level\n      skill {\n        ...PickedSkill\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ProfileFields on CapabilityProfile {\n    regions\n    deliveryModes\n    annualCapacity\n    version\n    skills {\n      level\n      skill {\n        ...PickedSkill\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CapabilityProfile($organizationId: ID!) {\n    capabilityProfile(organizationId: $organizationId) {\n      ...ProfileFields\n    }\n  }\n"): (typeof documents)["\n  query CapabilityProfile($organizationId: ID!) {\n    capabilityProfile(organizationId: $organizationId) {\n      ...ProfileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertCapabilityProfile($input: CapabilityProfileInput!) {\n    upsertCapabilityProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpsertCapabilityProfile($input: CapabilityProfileInput!) {\n    upsertCapabilityProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NeedMatches($institutionId: ID!) {\n    needMatches(institutionId: $institutionId, first: 10) {\n      score\n      reasons {\n        kind\n        weight\n        detail\n      }\n      need {\n        ...NeedSummaryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query NeedMatches($institutionId: ID!) {\n    needMatches(institutionId: $institutionId, first: 10) {\n      score\n      reasons {\n        kind\n        weight\n        detail\n      }\n      need {\n        ...NeedSummaryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerMatches($needId: ID!) {\n    partnerMatches(needId: $needId, first: 10) {\n      score\n      institution {\n        id\n        name\n        size\n        region\n      }\n      reasons {\n        kind\n        weight\n        detail\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerMatches($needId: ID!) {\n    partnerMatches(needId: $needId, first: 10) {\n      score\n      institution {\n        id\n        name\n        size\n        region\n      }\n      reasons {\n        kind\n        weight\n        detail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostSkillNeed($input: PostSkillNeedInput!) {\n    postSkillNeed(input: $input) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation PostSkillNeed($input: PostSkillNeedInput!) {\n    postSkillNeed(input: $input) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSkillNeed($id: ID!, $input: UpdateSkillNeedInput!, $expectedVersion: Int) {\n    updateSkillNeed(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSkillNeed($id: ID!, $input: UpdateSkillNeedInput!, $expectedVersion: Int) {\n    updateSkillNeed(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseSkillNeed($id: ID!) {\n    closeSkillNeed(id: $id) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation CloseSkillNeed($id: ID!) {\n    closeSkillNeed(id: $id) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationNeeds($organizationId: ID!) {\n    skillNeeds(filter: { organizationId: $organizationId }, first: 50) {\n      edges {\n        node {\n          ...NeedSummaryFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationNeeds($organizationId: ID!) {\n    skillNeeds(filter: { organizationId: $organizationId }, first: 50) {\n      edges {\n        node {\n          ...NeedSummaryFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToPartnership($id: ID!, $accept: Boolean!, $message: String) {\n    respondToPartnership(id: $id, accept: $accept, message: $message) {\n      ...PartnershipFields\n    }\n  }\n"): (typeof documents)["\n  mutation RespondToPartnership($id: ID!, $accept: Boolean!, $message: String) {\n    respondToPartnership(id: $id, accept: $accept, message: $message) {\n      ...PartnershipFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawPartnership($id: ID!) {\n    withdrawPartnership(id: $id) {\n      ...PartnershipFields\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawPartnership($id: ID!) {\n    withdrawPartnership(id: $id) {\n      ...PartnershipFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NeedBaseFields on SkillNeed {\n    id\n    title\n    description\n    status\n    region\n    sector\n    deliveryModes\n    learnerCount\n    careerStage\n    neededBy\n    version\n    createdAt\n    organization {\n      id\n      name\n      size\n      region\n    }\n  }\n"): (typeof documents)["\n  fragment NeedBaseFields on SkillNeed {\n    id\n    title\n    description\n    status\n    region\n    sector\n    deliveryModes\n    learnerCount\n    careerStage\n    neededBy\n    version\n    createdAt\n    organization {\n      id\n      name\n      size\n      region\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NeedFields on SkillNeed {\n    ...NeedBaseFields\n    skills {\n      level\n      skill {\n        ...PickedSkill\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment NeedFields on SkillNeed {\n    ...NeedBaseFields\n    skills {\n      level\n      skill {\n        ...PickedSkill\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NeedSummaryFields on SkillNeed {\n    ...NeedBaseFields\n    skills {\n      level\n      skill {\n        id\n        label\n        labelFr\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment NeedSummaryFields on SkillNeed {\n    ...NeedBaseFields\n    skills {\n      level\n      skill {\n        id\n        label\n        labelFr\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SkillNeed($id: ID!) {\n    skillNeed(id: $id) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  query SkillNeed($id: ID!) {\n    skillNeed(id: $id) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PartnershipFields on Partnership {\n    id\n    state\n    message\n    responseMessage\n    createdAt\n    respondedAt\n    institution {\n      id\n      name\n      size\n      region\n    }\n    employer {\n      id\n      name\n      size\n      region\n    }\n    proposedBy {\n      id\n      name\n    }\n    need {\n      id\n      title\n      region\n      learnerCount\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment PartnershipFields on Partnership {\n    id\n    state\n    message\n    responseMessage\n    createdAt\n    respondedAt\n    institution {\n      id\n      name\n      size\n      region\n    }\n    employer {\n      id\n      name\n      size\n      region\n    }\n    proposedBy {\n      id\n      name\n    }\n    need {\n      id\n      title\n      region\n      learnerCount\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Partnerships($organizationId: ID!, $filter: PartnershipFilter) {\n    partnerships(organizationId: $organizationId, filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...PartnershipFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Partnerships($organizationId: ID!, $filter: PartnershipFilter) {\n    partnerships(organizationId: $organizationId, filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...PartnershipFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposePartnership($input: ProposePartnershipInput!) {\n    proposePartnership(input: $input) {\n      ...PartnershipFields\n    }\n  }\n"): (typeof documents)["\n  mutation ProposePartnership($input: ProposePartnershipInput!) {\n    proposePartnership(input: $input) {\n      ...PartnershipFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MarketplaceRegions {\n    regions {\n      code\n      kind\n      nameEn\n      nameFr\n    }\n  }\n"): (typeof documents)["\n  query MarketplaceRegions {\n    regions {\n      code\n      kind\n      nameEn\n      nameFr\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Regions {\n    regions {\n      code\n      kind\n      nameEn\n      nameFr\n    }\n  }\n"): (typeof documents)["\n  query Regions {\n    regions {\n      code\n      kind\n      nameEn\n      nameFr\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($organizationId: ID!, $email: String!, $role: Role!) {\n    inviteMember(organizationId: $organizationId, email: $email, role: $role) {\n      email\n      acceptUrl\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($organizationId: ID!, $email: String!, $role: Role!) {\n    inviteMember(organizationId: $organizationId, email: $email, role: $role) {\n      email\n      acceptUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Umbrellas {\n    organizations(filter: { kind: UMBRELLA }, first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Umbrellas {\n    organizations(filter: { kind: UMBRELLA }, first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinUmbrella($umbrellaId: ID!, $organizationId: ID!) {\n    joinUmbrella(umbrellaId: $umbrellaId, organizationId: $organizationId) {\n      organization {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation JoinUmbrella($umbrellaId: ID!, $organizationId: ID!) {\n    joinUmbrella(umbrellaId: $umbrellaId, organizationId: $organizationId) {\n      organization {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeActions(\n    $organizationId: ID!\n    $marketplace: Boolean!\n    $employer: Boolean!\n    $institution: Boolean!\n    $umbrellaAdmin: Boolean!\n    $operator: Boolean!\n  ) {\n    proposalsToUs: partnerships(\n      organizationId: $organizationId\n      filter: { state: PROPOSED, direction: PROPOSED_TO_US }\n      first: 1\n    ) @include(if: $marketplace) {\n      totalCount\n    }\n    acceptedPartnerships: partnerships(organizationId: $organizationId, filter: { state: ACCEPTED }, first: 100)\n      @include(if: $marketplace) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n    needs: skillNeeds(filter: { organizationId: $organizationId }, first: 1) @include(if: $employer) {\n      totalCount\n    }\n    openNeeds: skillNeeds(filter: { organizationId: $organizationId, status: OPEN }, first: 1) @include(if: $employer) {\n      totalCount\n    }\n    capabilityProfile(organizationId: $organizationId) @include(if: $institution) {\n      version\n    }\n    credentialDesigns(organizationId: $organizationId, first: 100) {\n      edges {\n        node {\n          id\n          stage\n          reviewOverdue\n          partnershipId\n          waitingOn {\n            id\n          }\n        }\n      }\n    }\n    issuable: credentials(filter: { issuerId: $organizationId }, first: 1) @include(if: $institution) {\n      totalCount\n    }\n    umbrella: organization(id: $organizationId) @include(if: $umbrellaAdmin) {\n      id\n      umbrellaJoinRequests {\n        id\n        state\n        requestedAt\n        organization {\n          id\n          name\n        }\n      }\n    }\n    unverified: organizations(filter: { verified: false }, first: 20) @include(if: $operator) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HomeActions(\n    $organizationId: ID!\n    $marketplace: Boolean!\n    $employer: Boolean!\n    $institution: Boolean!\n    $umbrellaAdmin: Boolean!\n    $operator: Boolean!\n  ) {\n    proposalsToUs: partnerships(\n      organizationId: $organizationId\n      filter: { state: PROPOSED, direction: PROPOSED_TO_US }\n      first: 1\n    ) @include(if: $marketplace) {\n      totalCount\n    }\n    acceptedPartnerships: partnerships(organizationId: $organizationId, filter: { state: ACCEPTED }, first: 100)\n      @include(if: $marketplace) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n    needs: skillNeeds(filter: { organizationId: $organizationId }, first: 1) @include(if: $employer) {\n      totalCount\n    }\n    openNeeds: skillNeeds(filter: { organizationId: $organizationId, status: OPEN }, first: 1) @include(if: $employer) {\n      totalCount\n    }\n    capabilityProfile(organizationId: $organizationId) @include(if: $institution) {\n      version\n    }\n    credentialDesigns(organizationId: $organizationId, first: 100) {\n      edges {\n        node {\n          id\n          stage\n          reviewOverdue\n          partnershipId\n          waitingOn {\n            id\n          }\n        }\n      }\n    }\n    issuable: credentials(filter: { issuerId: $organizationId }, first: 1) @include(if: $institution) {\n      totalCount\n    }\n    umbrella: organization(id: $organizationId) @include(if: $umbrellaAdmin) {\n      id\n      umbrellaJoinRequests {\n        id\n        state\n        requestedAt\n        organization {\n          id\n          name\n        }\n      }\n    }\n    unverified: organizations(filter: { verified: false }, first: 20) @include(if: $operator) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToUmbrellaJoinRequest($id: ID!, $accept: Boolean!) {\n    respondToUmbrellaJoinRequest(id: $id, accept: $accept) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation RespondToUmbrellaJoinRequest($id: ID!, $accept: Boolean!) {\n    respondToUmbrellaJoinRequest(id: $id, accept: $accept) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyOrganization($id: ID!) {\n    verifyOrganization(id: $id) {\n      id\n      verified\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyOrganization($id: ID!) {\n    verifyOrganization(id: $id) {\n      id\n      verified\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CredentialSummary on Credential {\n    id\n    title\n    publishedAt\n    assessment {\n      masteryThreshold\n      attemptsAllowed\n    }\n    issuer {\n      id\n      name\n    }\n    endorsements {\n      id\n      withdrawnAt\n      organization {\n        id\n      }\n    }\n    sponsorships {\n      id\n      umbrella {\n        id\n        name\n      }\n    }\n    adoptions {\n      id\n      institution {\n        id\n        name\n      }\n      umbrella {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CredentialSummary on Credential {\n    id\n    title\n    publishedAt\n    assessment {\n      masteryThreshold\n      attemptsAllowed\n    }\n    issuer {\n      id\n      name\n    }\n    endorsements {\n      id\n      withdrawnAt\n      organization {\n        id\n      }\n    }\n    sponsorships {\n      id\n      umbrella {\n        id\n        name\n      }\n    }\n    adoptions {\n      id\n      institution {\n        id\n        name\n      }\n      umbrella {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrustCredentials($issuerId: ID) {\n    credentials(filter: { issuerId: $issuerId }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...CredentialSummary\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrustCredentials($issuerId: ID) {\n    credentials(filter: { issuerId: $issuerId }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...CredentialSummary\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EndorsementFields on Endorsement {\n    id\n    organization {\n      id\n      name\n    }\n    inDemand\n    assessmentReflectsJobPerformance\n    comment\n    createdAt\n    withdrawnAt\n  }\n"): (typeof documents)["\n  fragment EndorsementFields on Endorsement {\n    id\n    organization {\n      id\n      name\n    }\n    inDemand\n    assessmentReflectsJobPerformance\n    comment\n    createdAt\n    withdrawnAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrustCredential($id: ID!) {\n    credential(id: $id) {\n      id\n      title\n      publishedAt\n      issuer {\n        id\n        name\n      }\n      sponsorships {\n        id\n        umbrella {\n          id\n          name\n        }\n      }\n      adoptions {\n        id\n        institution {\n          id\n          name\n        }\n        umbrella {\n          id\n          name\n        }\n      }\n      designId\n      contributionsVisible\n      framework {\n        id\n        name\n        version\n      }\n      endorsements {\n        ...EndorsementFields\n      }\n      endorsementsBySector {\n        sector\n        name\n        endorsements {\n          ...EndorsementFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrustCredential($id: ID!) {\n    credential(id: $id) {\n      id\n      title\n      publishedAt\n      issuer {\n        id\n        name\n      }\n      sponsorships {\n        id\n        umbrella {\n          id\n          name\n        }\n      }\n      adoptions {\n        id\n        institution {\n          id\n          name\n        }\n        umbrella {\n          id\n          name\n        }\n      }\n      designId\n      contributionsVisible\n      framework {\n        id\n        name\n        version\n      }\n      endorsements {\n        ...EndorsementFields\n      }\n      endorsementsBySector {\n        sector\n        name\n        endorsements {\n          ...EndorsementFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrustContributions($id: ID!) {\n    credential(id: $id) {\n      id\n      contributions {\n        designers {\n          organization {\n            id\n            name\n          }\n          isIssuer\n          versionsAuthored\n        }\n        reviewers {\n          organization {\n            id\n            name\n          }\n          approvals\n          lastApprovedAt\n        }\n        endorsers {\n          organization {\n            id\n            name\n          }\n          endorsedAt\n          withdrawn\n        }\n        sponsors {\n          organization {\n            id\n            name\n          }\n          since\n        }\n        adopters {\n          organization {\n            id\n            name\n          }\n          umbrella {\n            id\n            name\n          }\n          since\n        }\n        issuers {\n          organization {\n            id\n            name\n          }\n          active\n          revoked\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrustContributions($id: ID!) {\n    credential(id: $id) {\n      id\n      contributions {\n        designers {\n          organization {\n            id\n            name\n          }\n          isIssuer\n          versionsAuthored\n        }\n        reviewers {\n          organization {\n            id\n            name\n          }\n          approvals\n          lastApprovedAt\n        }\n        endorsers {\n          organization {\n            id\n            name\n          }\n          endorsedAt\n          withdrawn\n        }\n        sponsors {\n          organization {\n            id\n            name\n          }\n          since\n        }\n        adopters {\n          organization {\n            id\n            name\n          }\n          umbrella {\n            id\n            name\n          }\n          since\n        }\n        issuers {\n          organization {\n            id\n            name\n          }\n          active\n          revoked\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrustOrganizationUmbrellas($id: ID!) {\n    organization(id: $id) {\n      id\n      umbrellas {\n        id\n        name\n      }\n      memberOrganizations {\n        id\n        name\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrustOrganizationUmbrellas($id: ID!) {\n    organization(id: $id) {\n      id\n      umbrellas {\n        id\n        name\n      }\n      memberOrganizations {\n        id\n        name\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndorseCredential($credentialId: ID!, $organizationId: ID!, $input: EndorsementInput!) {\n    endorseCredential(credentialId: $credentialId, organizationId: $organizationId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation EndorseCredential($credentialId: ID!, $organizationId: ID!, $input: EndorsementInput!) {\n    endorseCredential(credentialId: $credentialId, organizationId: $organizationId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawEndorsement($id: ID!) {\n    withdrawEndorsement(id: $id) {\n      id\n      withdrawnAt\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawEndorsement($id: ID!) {\n    withdrawEndorsement(id: $id) {\n      id\n      withdrawnAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SponsorCredential($credentialId: ID!, $umbrellaId: ID!) {\n    sponsorCredential(credentialId: $credentialId, umbrellaId: $umbrellaId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SponsorCredential($credentialId: ID!, $umbrellaId: ID!) {\n    sponsorCredential(credentialId: $credentialId, umbrellaId: $umbrellaId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdoptSharedCredential($credentialId: ID!, $institutionId: ID!) {\n    adoptSharedCredential(credentialId: $credentialId, institutionId: $institutionId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdoptSharedCredential($credentialId: ID!, $institutionId: ID!) {\n    adoptSharedCredential(credentialId: $credentialId, institutionId: $institutionId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AwardFields on Award {\n    id\n    publicUrl\n    status\n    credentialId\n    recipientName\n    score\n    attempt\n    awardedAt\n    revokedAt\n    revokedReason\n    issuer {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AwardFields on Award {\n    id\n    publicUrl\n    status\n    credentialId\n    recipientName\n    score\n    attempt\n    awardedAt\n    revokedAt\n    revokedReason\n    issuer {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IssuerAwards($filter: AwardFilter) {\n    awards(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...AwardFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IssuerAwards($filter: AwardFilter) {\n    awards(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...AwardFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AwardCredential($input: AwardInput!) {\n    awardCredential(input: $input) {\n      ...AwardFields\n    }\n  }\n"): (typeof documents)["\n  mutation AwardCredential($input: AwardInput!) {\n    awardCredential(input: $input) {\n      ...AwardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAward($id: ID!, $reason: String!) {\n    revokeAward(id: $id, reason: $reason) {\n      ...AwardFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeAward($id: ID!, $reason: String!) {\n    revokeAward(id: $id, reason: $reason) {\n      ...AwardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AwardBatchFields on AwardBatch {\n    id\n    status\n    total\n    succeeded\n    failed\n    finishedAt\n    items {\n      position\n      recipientName\n      score\n      status\n      awardId\n      errorCode\n      errorMessage\n    }\n  }\n"): (typeof documents)["\n  fragment AwardBatchFields on AwardBatch {\n    id\n    status\n    total\n    succeeded\n    failed\n    finishedAt\n    items {\n      position\n      recipientName\n      score\n      status\n      awardId\n      errorCode\n      errorMessage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AwardCredentialBatch($input: AwardBatchInput!) {\n    awardCredentialBatch(input: $input) {\n      ...AwardBatchFields\n    }\n  }\n"): (typeof documents)["\n  mutation AwardCredentialBatch($input: AwardBatchInput!) {\n    awardCredentialBatch(input: $input) {\n      ...AwardBatchFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AwardBatchProgress($id: ID!) {\n    awardBatch(id: $id) {\n      ...AwardBatchFields\n    }\n  }\n"): (typeof documents)["\n  query AwardBatchProgress($id: ID!) {\n    awardBatch(id: $id) {\n      ...AwardBatchFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAwards {\n    myAwards(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...AwardFields\n          openBadge\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyAwards {\n    myAwards(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...AwardFields\n          openBadge\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTranscript {\n    myTranscript\n  }\n"): (typeof documents)["\n  query MyTranscript {\n    myTranscript\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PickedSkill on Skill {\n    id\n    label\n    labelFr\n    framework\n    broader {\n      id\n      label\n      labelFr\n    }\n  }\n"): (typeof documents)["\n  fragment PickedSkill on Skill {\n    id\n    label\n    labelFr\n    framework\n    broader {\n      id\n      label\n      labelFr\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchSkills($search: String, $framework: String) {\n    skills(search: $search, framework: $framework, first: 12) {\n      edges {\n        node {\n          ...PickedSkill\n          altLabels\n          altLabelsFr\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchSkills($search: String, $framework: String) {\n    skills(search: $search, framework: $framework, first: 12) {\n      edges {\n        node {\n          ...PickedSkill\n          altLabels\n          altLabelsFr\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;