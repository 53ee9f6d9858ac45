// The authorization matrix and the bad-input corpus (issue 12, "Measure"), through the gateway.
//
// Every Query and Mutation field of the supergraph (apps/gateway/supergraph.graphql) must have an
// entry below saying what an anonymous caller, an outsider (signed in, owner of other
// organizations) and a member (MEMBER role, not ADMIN or OWNER, of the target organization) get:
// a refusal code, or 'allowed'. A new operation without an entry fails this suite. Each refusal is
// sent and must come back with exactly that code, no data, no 5xx, no stack; allowed queries run
// and must not error; allowed mutations are not run. Then every operation that takes a string gets
// a NUL in each of them, and must answer BAD_USER_INPUT. Across the whole sweep the content of
// every table a client can change is fingerprinted before and after: nothing may change.
// Then the same sweep runs with an API key of each role as the bearer (a MEMBER key and an ADMIN
// key of the world's employer): a key never gets what a person of its role is refused, and every
// operation kept for people (HUMAN_ONLY) refuses it with FORBIDDEN.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { Client } from 'pg';
import {
  createOrganization,
  gatewayUrl,
  inviteAndAccept,
  ok as okAs,
  signUp,
  type GraphQLResult,
  type Session,
  type Untyped,
} from './support/client';

const schema = buildSchema(readFileSync(join(__dirname, '../apps/gateway/supergraph.graphql'), 'utf8'));
type Kind = 'Query' | 'Mutation';
const operations = (['Query', 'Mutation'] as const).flatMap((kind) =>
  Object.values((kind === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()).map(
    (field) => ({ kind: kind as Kind, field }),
  ),
);

type Code = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'FAILED_PRECONDITION';
type Expectation = Code | 'allowed';
interface World {
  owner: Session;
  employer: string;
  institution: string;
  umbrella: string;
  need: string;
  design: string;
  webhook: string;
  partnership: string;
  framework: string;
  skill: string;
  outsiderEmployer: string;
  outsiderInstitution: string;
  joinRequest: string;
  apiKey: string;
}
interface Case {
  readonly vars: (w: World) => Record<string, unknown>;
  readonly anonymous: Expectation;
  readonly outsider: Expectation;
  readonly member: Expectation;
}

const U = 'UNAUTHENTICATED';
const F = 'FORBIDDEN';
const N = 'NOT_FOUND';
const A = 'allowed';
const unknown = () => randomUUID();
const needInput = (w: World, organizationId = w.employer) => ({
  organizationId,
  title: 'Crew leads',
  skills: [{ skillId: w.skill, level: 2 }],
  region: 'ON-Sudbury',
  deliveryModes: ['HYBRID'],
  learnerCount: 5,
  careerStage: 'MID_CAREER',
});
const learner = {
  recipient: { email: 'learner@example.org', name: 'Lee Learner' },
  result: { score: 95, attempt: 1 },
};

/**
 * The matrix. "outsider" targets the world's organizations (or their resources) as a signed-in
 * owner of other organizations; "member" targets them as a MEMBER there. NOT_FOUND where a
 * resource of another organization is not even shown to exist.
 */
const MATRIX: Record<string, Case> = {
  // identity
  me: { vars: () => ({}), anonymous: U, outsider: A, member: A },
  organization: { vars: (w) => ({ id: w.employer }), anonymous: U, outsider: A, member: A },
  organizations: { vars: () => ({}), anonymous: U, outsider: A, member: A },
  regions: { vars: () => ({}), anonymous: A, outsider: A, member: A },
  signUp: {
    vars: () => ({
      input: {
        email: `m-${randomUUID().slice(0, 8)}@e2e.lattice.test`,
        password: 'correct horse battery',
        name: 'M',
      },
    }),
    anonymous: A,
    outsider: A,
    member: A,
  },
  logIn: {
    vars: () => ({ email: 'nobody@e2e.lattice.test', password: 'not the password' }),
    anonymous: U,
    outsider: U,
    member: U,
  },
  refreshToken: { vars: () => ({}), anonymous: U, outsider: A, member: A },
  verifyEmail: {
    vars: () => ({ token: 'not-a-token' }),
    anonymous: N,
    outsider: N,
    member: N,
  },
  requestEmailVerification: { vars: () => ({}), anonymous: U, outsider: A, member: A },
  createOrganization: {
    vars: () => ({ input: { name: 'Org', kind: 'EMPLOYER', size: 'SMALL' } }),
    anonymous: U,
    outsider: A,
    member: A,
  },
  verifyOrganization: {
    vars: (w) => ({ id: w.employer, verified: true }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  inviteMember: {
    vars: (w) => ({ organizationId: w.employer, email: 'x@e2e.lattice.test', role: 'MEMBER' }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  acceptInvitation: { vars: () => ({ token: 'not-a-token' }), anonymous: U, outsider: N, member: N },
  joinUmbrella: {
    vars: (w) => ({ umbrellaId: w.umbrella, organizationId: w.employer }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  respondToUmbrellaJoinRequest: {
    vars: (w) => ({ id: w.joinRequest, accept: false }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  removeUmbrellaMember: {
    vars: (w) => ({ umbrellaId: w.umbrella, organizationId: w.employer }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  changeMemberRole: {
    vars: (w) => ({ organizationId: w.employer, userId: w.owner.userId, role: 'MEMBER' }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  removeMember: {
    vars: (w) => ({ organizationId: w.employer, userId: w.owner.userId }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  // The member may leave (allowed: not run); an outsider is not a member to leave.
  leaveOrganization: { vars: (w) => ({ organizationId: w.employer }), anonymous: U, outsider: F, member: A },
  auditLog: { vars: (w) => ({ organizationId: w.employer }), anonymous: U, outsider: F, member: F },
  auditLogCsv: { vars: (w) => ({ organizationId: w.employer }), anonymous: U, outsider: F, member: F },
  createApiKey: {
    vars: (w) => ({ organizationId: w.employer, name: 'Matrix key', role: 'MEMBER' }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  apiKeys: { vars: (w) => ({ organizationId: w.employer }), anonymous: U, outsider: F, member: F },
  revokeApiKey: { vars: (w) => ({ id: w.apiKey }), anonymous: U, outsider: F, member: F },
  // marketplace
  skills: { vars: () => ({ search: 'teams' }), anonymous: A, outsider: A, member: A },
  skill: { vars: (w) => ({ id: w.skill }), anonymous: A, outsider: A, member: A },
  skillNeeds: { vars: () => ({}), anonymous: U, outsider: A, member: A },
  skillNeed: { vars: (w) => ({ id: w.need }), anonymous: U, outsider: A, member: A },
  postSkillNeed: { vars: (w) => ({ input: needInput(w) }), anonymous: U, outsider: F, member: A },
  updateSkillNeed: {
    vars: (w) => ({ id: w.need, input: { title: 'Changed title' } }),
    anonymous: U,
    outsider: F,
    member: A,
  },
  closeSkillNeed: { vars: (w) => ({ id: w.need }), anonymous: U, outsider: F, member: A },
  capabilityProfile: {
    vars: (w) => ({ organizationId: w.institution }),
    anonymous: U,
    outsider: A,
    member: A,
  },
  upsertCapabilityProfile: {
    vars: (w) => ({
      input: {
        organizationId: w.institution,
        skills: [{ skillId: w.skill, level: 2 }],
        regions: ['ON'],
        deliveryModes: ['ONLINE'],
        annualCapacity: 10,
      },
    }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  partnerMatches: { vars: (w) => ({ needId: w.need }), anonymous: U, outsider: A, member: A },
  needMatches: { vars: (w) => ({ institutionId: w.institution }), anonymous: U, outsider: N, member: N },
  proposePartnership: {
    vars: (w) => ({ input: { needId: w.need, institutionId: w.institution } }),
    anonymous: U,
    outsider: F,
    member: A,
  },
  respondToPartnership: {
    vars: (w) => ({ id: w.partnership, accept: false }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  withdrawPartnership: { vars: (w) => ({ id: w.partnership }), anonymous: U, outsider: F, member: A },
  partnerships: { vars: (w) => ({ organizationId: w.employer }), anonymous: U, outsider: F, member: A },
  partnership: { vars: (w) => ({ id: w.partnership }), anonymous: U, outsider: A, member: A },
  demandMap: { vars: () => ({ groupBy: 'REGION' }), anonymous: U, outsider: A, member: A },
  detectExpiringNeeds: { vars: () => ({}), anonymous: U, outsider: F, member: F },
  // co-development
  frameworks: { vars: () => ({}), anonymous: U, outsider: A, member: A },
  framework: { vars: (w) => ({ id: w.framework }), anonymous: U, outsider: A, member: A },
  addFramework: {
    vars: () => ({
      input: {
        key: 'matrix-test',
        name: 'Matrix',
        version: '1',
        publisher: 'Publisher',
        description: 'Described',
        rules: [],
      },
    }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  createCredentialDesign: {
    vars: (w) => ({ input: { issuerId: w.institution, title: 'Design', frameworkId: w.framework } }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  updateCredentialDesign: {
    vars: (w) => ({ id: w.design, expectedVersion: 1, input: { title: 'Changed' } }),
    anonymous: U,
    outsider: F,
    member: A,
  },
  addDesignPartner: {
    vars: (w) => ({ designId: w.design, organizationId: w.outsiderEmployer }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  commentOnDesign: {
    vars: (w) => ({ designId: w.design, body: 'A comment' }),
    anonymous: U,
    outsider: F,
    member: A,
  },
  resolveDesignComment: {
    vars: () => ({ id: unknown(), resolved: true }),
    anonymous: U,
    outsider: N,
    member: N,
  },
  submitDesignForReview: { vars: (w) => ({ id: w.design }), anonymous: U, outsider: F, member: F },
  requestDesignChanges: {
    vars: (w) => ({ id: w.design, comment: 'Please change' }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  approveDesign: {
    vars: (w) => ({ id: w.design, organizationId: w.institution }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  publishCredential: { vars: (w) => ({ designId: w.design }), anonymous: U, outsider: F, member: F },
  retireCredentialDesign: { vars: (w) => ({ id: w.design }), anonymous: U, outsider: F, member: F },
  credentialDesign: { vars: (w) => ({ id: w.design }), anonymous: U, outsider: F, member: A },
  credentialDesigns: {
    vars: (w) => ({ organizationId: w.institution }),
    anonymous: U,
    outsider: F,
    member: A,
  },
  designStageSummary: {
    vars: (w) => ({ organizationId: w.institution }),
    anonymous: U,
    outsider: F,
    member: A,
  },
  designVersionDiff: {
    vars: (w) => ({ designId: w.design, from: 1, to: 1 }),
    anonymous: U,
    outsider: F,
    member: A,
  },
  detectOverdueDesignReviews: { vars: () => ({}), anonymous: U, outsider: F, member: F },
  // trust
  credential: { vars: () => ({ id: unknown() }), anonymous: U, outsider: A, member: A },
  credentials: { vars: () => ({}), anonymous: U, outsider: A, member: A },
  searchCredentials: { vars: () => ({ query: 'welding' }), anonymous: A, outsider: A, member: A },
  catalogueEntry: { vars: () => ({ credentialId: unknown() }), anonymous: A, outsider: A, member: A },
  endorseCredential: {
    vars: (w) => ({
      credentialId: unknown(),
      organizationId: w.employer,
      input: { inDemand: true, assessmentReflectsJobPerformance: true },
    }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  withdrawEndorsement: { vars: () => ({ id: unknown() }), anonymous: U, outsider: N, member: N },
  sponsorCredential: {
    vars: (w) => ({ credentialId: unknown(), umbrellaId: w.umbrella }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  adoptSharedCredential: {
    vars: (w) => ({ credentialId: unknown(), institutionId: w.institution }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  awardCredential: {
    vars: (w) => ({ input: { credentialId: unknown(), issuerId: w.institution, ...learner } }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  awardCredentialBatch: {
    vars: (w) => ({ input: { credentialId: unknown(), issuerId: w.institution, learners: [learner] } }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  awardBatch: { vars: () => ({ id: unknown() }), anonymous: U, outsider: A, member: A },
  award: { vars: () => ({ id: unknown() }), anonymous: U, outsider: A, member: A },
  awards: { vars: (w) => ({ filter: { issuerId: w.institution } }), anonymous: U, outsider: F, member: A },
  revokeAward: { vars: () => ({ id: unknown(), reason: 'Because' }), anonymous: U, outsider: N, member: N },
  rotateIssuerKey: { vars: (w) => ({ organizationId: w.institution }), anonymous: U, outsider: F, member: F },
  myAwards: { vars: () => ({}), anonymous: U, outsider: F, member: F },
  myTranscript: { vars: () => ({}), anonymous: U, outsider: F, member: F },
  verifyCredential: {
    vars: () => ({ credential: { hello: 'world' } }),
    anonymous: U,
    outsider: A,
    member: A,
  },
  // notifications
  notifications: { vars: () => ({}), anonymous: U, outsider: A, member: A },
  unreadNotificationCount: { vars: () => ({}), anonymous: U, outsider: A, member: A },
  markNotificationsRead: { vars: () => ({ ids: [unknown()] }), anonymous: U, outsider: A, member: A },
  notificationPreferences: { vars: () => ({}), anonymous: U, outsider: A, member: A },
  updateNotificationPreferences: {
    vars: () => ({ input: [{ eventType: '*', channel: 'EMAIL', enabled: true }] }),
    anonymous: U,
    outsider: A,
    member: A,
  },
  webhookSubscriptions: {
    vars: (w) => ({ organizationId: w.employer }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  webhookDeliveries: { vars: (w) => ({ subscriptionId: w.webhook }), anonymous: U, outsider: N, member: N },
  createWebhookSubscription: {
    vars: (w) => ({
      organizationId: w.employer,
      url: 'http://127.0.0.1:9/hook',
      events: ['marketplace.need.posted'],
    }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  deleteWebhookSubscription: { vars: (w) => ({ id: w.webhook }), anonymous: U, outsider: N, member: N },
  // catalogue, pathways and recognition
  pathway: { vars: () => ({ id: unknown() }), anonymous: A, outsider: A, member: A },
  pathways: { vars: (w) => ({ ownerId: w.institution }), anonymous: A, outsider: A, member: A },
  pathwayPage: { vars: (w) => ({ ownerId: w.institution }), anonymous: A, outsider: A, member: A },
  recognitions: { vars: () => ({ credentialId: unknown() }), anonymous: A, outsider: A, member: A },
  withdrawRecognition: { vars: () => ({ id: unknown() }), anonymous: U, outsider: N, member: N },
  myPathwayProgress: { vars: () => ({}), anonymous: U, outsider: F, member: F },
  definePathway: {
    vars: (w) => ({
      ownerId: w.institution,
      input: { title: 'Path', rule: 'ALL_OF', steps: [{ credentialId: unknown() }] },
    }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  recognizeCredential: {
    vars: (w) => ({
      input: {
        institutionId: w.institution,
        credentialId: unknown(),
        creditAmount: 3,
        creditUnit: 'credits',
      },
    }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  awardPathwayCredential: {
    vars: (w) => ({ input: { pathwayId: unknown(), issuerId: w.institution, ...learner } }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  // evidence
  myFeedbackRequests: { vars: () => ({}), anonymous: U, outsider: F, member: F },
  awardFeedback: { vars: () => ({ awardId: unknown() }), anonymous: U, outsider: F, member: F },
  survey: { vars: () => ({ kind: 'LEARNER' }), anonymous: U, outsider: A, member: A },
  myAwardShares: { vars: () => ({}), anonymous: U, outsider: F, member: F },
  mySelfIdentification: { vars: () => ({}), anonymous: U, outsider: F, member: F },
  myEvidenceData: { vars: () => ({}), anonymous: U, outsider: F, member: F },
  outcomeReports: { vars: (w) => ({ organizationId: w.employer }), anonymous: U, outsider: F, member: A },
  awardsSharedWith: { vars: (w) => ({ organizationId: w.employer }), anonymous: U, outsider: F, member: A },
  outcomeReportCredentials: {
    vars: (w) => ({ organizationId: w.employer }),
    anonymous: U,
    outsider: F,
    member: A,
  },
  frameworkElementInsights: { vars: () => ({}), anonymous: U, outsider: F, member: F },
  insights: {
    vars: (w) => ({ scope: { organizationId: w.institution }, groupBy: 'NONE' }),
    anonymous: U,
    outsider: F,
    member: A,
  },
  submitFeedback: {
    vars: () => ({ input: { awardId: unknown(), answers: [{ key: 'relevance', value: 4 }] } }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  deleteFeedback: { vars: () => ({ awardId: unknown() }), anonymous: U, outsider: F, member: F },
  turnOffFeedbackReminder: { vars: () => ({ awardId: unknown() }), anonymous: U, outsider: F, member: F },
  publishSurveyVersion: {
    vars: () => ({ kind: 'LEARNER', questions: [], expectedVersion: 1 }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  shareAward: {
    vars: (w) => ({ awardId: unknown(), organizationId: w.employer }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  revokeAwardShare: {
    vars: (w) => ({ awardId: unknown(), organizationId: w.employer }),
    anonymous: U,
    outsider: F,
    member: F,
  },
  setSelfIdentification: { vars: () => ({ answers: [] }), anonymous: U, outsider: A, member: A },
  deleteSelfIdentification: { vars: () => ({}), anonymous: U, outsider: A, member: A },
  deleteMyEvidenceData: { vars: () => ({}), anonymous: U, outsider: A, member: A },
  reportOutcomes: {
    vars: (w) => ({
      input: {
        organizationId: w.employer,
        credentialId: unknown(),
        cohortSize: 10,
        hired: 1,
        promoted: 1,
        retained: 1,
        assessmentReflectedJobPerformance: true,
        ratings: [],
      },
    }),
    anonymous: U,
    outsider: F,
    member: N,
  },
  answerFrameworkSurvey: {
    vars: () => ({ credentialId: unknown(), answers: [] }),
    anonymous: U,
    outsider: N,
    member: N,
  },
  // accounts
  requestPasswordReset: {
    vars: () => ({ email: 'nobody@e2e.lattice.test' }),
    anonymous: A,
    outsider: A,
    member: A,
  },
  resetPassword: {
    vars: () => ({ token: 'not-a-token', newPassword: 'a long and unusual passphrase 42' }),
    anonymous: N,
    outsider: N,
    member: N,
  },
  changePassword: {
    vars: () => ({
      currentPassword: 'not the password at all',
      newPassword: 'a long and unusual passphrase 42',
    }),
    anonymous: U,
    outsider: 'BAD_USER_INPUT',
    member: 'BAD_USER_INPUT',
  },
  signOutEverywhere: { vars: () => ({}), anonymous: U, outsider: A, member: A },
};

/**
 * Operations kept for people signed in (identity's requireHuman): an API key gets FORBIDDEN
 * (IDENTITY.HUMANS_ONLY) whatever its role. These run with key bearers even where a person of the
 * key's role would be allowed, since the key's refusal changes nothing.
 */
const HUMAN_ONLY = new Set([
  'changePassword',
  'signOutEverywhere',
  'requestEmailVerification',
  'refreshToken',
  'createOrganization',
  'verifyOrganization',
  'inviteMember',
  'acceptInvitation',
  'changeMemberRole',
  'removeMember',
  'leaveOrganization',
  'createApiKey',
  'apiKeys',
  'revokeApiKey',
]);

/** `query($a: T!, …) { op(a: $a, …) { __typename } }`, built from the schema. */
function documentFor(
  kind: Kind,
  field: GraphQLField<unknown, unknown>,
  variables: Record<string, unknown>,
): string {
  const args = field.args.filter((arg) => variables[arg.name] !== undefined);
  const definitions = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const call = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind === 'Query' ? 'query' : 'mutation'}${definitions ? `(${definitions})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
}

async function send(query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(gatewayUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, result: JSON.parse(text) as GraphQLResult };
}

/** Every String-typed place in the variables, by path (IDs, enums and JSON left alone). */
function stringPaths(
  value: unknown,
  type: GraphQLInputType,
  path: (string | number)[] = [],
): (string | number)[][] {
  const nullable = getNullableType(type);
  if (value === null || value === undefined) return [];
  if (isListType(nullable))
    return Array.isArray(value)
      ? value.flatMap((item, i) => stringPaths(item, nullable.ofType as GraphQLInputType, [...path, i]))
      : [];
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    return Object.entries(value as Record<string, unknown>).flatMap(([name, member]) =>
      fields[name] ? stringPaths(member, fields[name]!.type, [...path, name]) : [],
    );
  }
  return isScalarType(nullable) && nullable.name === 'String' && typeof value === 'string' ? [path] : [];
}

function withValue(
  value: Record<string, unknown>,
  path: (string | number)[],
  replace: (old: string) => string,
): Record<string, unknown> {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  node[last] = replace(node[last] as string);
  return copy as Record<string, unknown>;
}

/** Content of every table a client can change (not the outbox, the inbox or delivery logs the worker writes). */
async function fingerprint(client: Client): Promise<Record<string, string>> {
  const tables = (
    await client.query<{ name: string }>(
      `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
        WHERE table_schema IN ('identity', 'marketplace', 'credentials', 'notifications', 'evidence') AND table_type = 'BASE TABLE'
          AND table_name !~ '(outbox|processed|inbox|deliver|migrations|notifications$|expiring|overdue|digest|lock|match_cache)'
        ORDER BY 1`,
    )
  ).rows.map((row) => row.name);
  const out: Record<string, string> = {};
  for (const table of tables) {
    const [schemaName, tableName] = table.split('.');
    const row = await client.query<{ h: string }>(
      // An API key's last use is recorded as it is used (to the minute): not a change a caller makes.
      `SELECT md5(coalesce(string_agg((to_jsonb(t) - 'last_used_at')::text, ',' ORDER BY (to_jsonb(t) - 'last_used_at')::text), '')) AS h FROM "${schemaName}"."${tableName}" t`,
    );
    out[table] = row.rows[0]!.h;
  }
  return out;
}

describe('authorization matrix and bad-input corpus (every operation of the supergraph)', () => {
  let world: World;
  let outsider: Session;
  let member: Session;
  let db: Client;

  beforeAll(async () => {
    const step = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
      try {
        return await run();
      } catch (error) {
        throw new Error(`setting up the matrix (${label}): ${(error as Error).message}`);
      }
    };
    // Each setup request names itself when it fails.
    const ok = <T = Record<string, Untyped>>(
      query: string,
      variables: Record<string, unknown> = {},
      token?: string,
    ) => step(query.slice(0, 60), () => okAs<T>(query, variables, token));
    const owner = await signUp('matrix-owner');
    [outsider, member] = await Promise.all([signUp('matrix-outsider'), signUp('matrix-member')]);
    const org = (who: Session, name: string, kind: string, size: string, region: string) =>
      createOrganization(who, { name: `${name} ${randomUUID().slice(0, 6)}`, kind, size, region });
    const [employer, institution, umbrella, outsiderEmployer, outsiderInstitution] = await Promise.all([
      org(owner, 'Matrix Mill', 'EMPLOYER', 'LARGE', 'ON-Sudbury'),
      org(owner, 'Matrix College', 'INSTITUTION', 'SMALL', 'ON-Northeast'),
      org(owner, 'Matrix Council', 'UMBRELLA', 'SMALL', 'ON'),
      org(outsider, 'Other Mill', 'EMPLOYER', 'SMALL', 'ON'),
      org(outsider, 'Other College', 'INSTITUTION', 'SMALL', 'ON'),
    ]);
    await step('invite', async () => {
      await inviteAndAccept(owner, employer, member, 'MEMBER');
      await inviteAndAccept(owner, institution, member, 'MEMBER');
    });
    // Tokens that carry the memberships.
    owner.token = (await ok('mutation { refreshToken { token } }', {}, owner.token)).refreshToken.token;
    member.token = (await ok('mutation { refreshToken { token } }', {}, member.token)).refreshToken.token;
    outsider.token = (await ok('mutation { refreshToken { token } }', {}, outsider.token)).refreshToken.token;
    const skill = (await ok('{ skills(search: "work in teams", first: 1) { edges { node { id } } } }')).skills
      .edges[0].node.id;
    const framework = (await ok('{ frameworks { id key } }', {}, owner.token)).frameworks.find(
      (f: { key: string }) => f.key === 'ecampusontario',
    ).id;
    const partial = {
      owner,
      employer,
      institution,
      umbrella,
      skill,
      framework,
      outsiderEmployer,
      outsiderInstitution,
    } as World;
    const need = (
      await ok(
        'mutation($i: PostSkillNeedInput!) { postSkillNeed(input: $i) { id } }',
        { i: needInput(partial) },
        owner.token,
      )
    ).postSkillNeed.id;
    const partnership = (
      await ok(
        'mutation($i: ProposePartnershipInput!) { proposePartnership(input: $i) { id } }',
        { i: { needId: need, institutionId: institution } },
        owner.token,
      )
    ).proposePartnership.id;
    const design = (
      await ok(
        'mutation($i: CreateCredentialDesignInput!) { createCredentialDesign(input: $i) { id } }',
        { i: { issuerId: institution, title: 'Matrix design', frameworkId: framework } },
        owner.token,
      )
    ).createCredentialDesign.id;
    const webhook = (
      await ok(
        'mutation($o: ID!, $u: String!, $e: [String!]!) { createWebhookSubscription(organizationId: $o, url: $u, events: $e) { id } }',
        { o: employer, u: 'http://127.0.0.1:9/hook', e: ['marketplace.need.posted'] },
        owner.token,
      )
    ).createWebhookSubscription.id;
    // A pending request to join the umbrella (its answer is the umbrella admins' to give).
    const joinRequest = (
      await ok(
        'mutation($u: ID!, $o: ID!) { joinUmbrella(umbrellaId: $u, organizationId: $o) { joinRequest { id } } }',
        { u: umbrella, o: institution },
        owner.token,
      )
    ).joinUmbrella.joinRequest.id;
    const apiKey = (
      await ok(
        'mutation($o: ID!) { createApiKey(organizationId: $o, name: "Matrix integration", role: MEMBER) { apiKey { id } } }',
        { o: employer },
        owner.token,
      )
    ).createApiKey.apiKey.id;
    world = { ...partial, need, partnership, design, webhook, joinRequest, apiKey };
    db = new Client({ connectionString: process.env['LATTICE_E2E_DATABASE_URL'] });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
  });

  it('has an authorization case for every operation in the schema, and none for an operation that is gone', () => {
    const inSchema = operations.map((op) => op.field.name).sort();
    const missing = inSchema.filter((name) => !(name in MATRIX));
    const stale = Object.keys(MATRIX).filter((name) => !inSchema.includes(name));
    // A new operation needs a line in MATRIX: what anonymous, outsider and member callers get.
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('answers every refusal with its code, no data, no 5xx and no stack; runs every allowed query; changes nothing', async () => {
    const before = await fingerprint(db);
    const failures: string[] = [];
    let sent = 0;
    for (const { kind, field } of operations) {
      const entry = MATRIX[field.name];
      if (!entry) continue;
      for (const caller of ['anonymous', 'outsider', 'member'] as const) {
        const expected = entry[caller];
        if (expected === 'allowed' && kind === 'Mutation') continue; // allowed mutations would change state
        const variables = entry.vars(world);
        const token =
          caller === 'anonymous' ? undefined : caller === 'outsider' ? outsider.token : member.token;
        const { status, text, result } = await send(documentFor(kind, field, variables), variables, token);
        sent++;
        const code = result.errors?.[0]?.extensions?.code ?? 'allowed';
        const problems: string[] = [];
        if (status >= 500) problems.push(`status ${status}`);
        if (/stacktrace|at \w+ \(|node_modules|Internal server error/.test(text))
          problems.push('internals in the answer');
        if (code !== expected)
          problems.push(`got ${code} (${result.errors?.[0]?.message ?? ''}) instead of ${expected}`);
        if (
          expected !== 'allowed' &&
          result.data &&
          (result.data as Record<string, unknown>)[field.name] != null
        )
          problems.push('data alongside the refusal');
        if (problems.length) failures.push(`${field.name} as ${caller}: ${problems.join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(120);
    expect(await fingerprint(db)).toEqual(before);
  }, 600_000);

  it('never lets an API key do more than a person of its role: MEMBER and ADMIN keys across every operation, changing nothing', async () => {
    // The ADMIN key is compared with a person who is ADMIN of the same organization, asked live.
    const admin = await signUp('matrix-admin');
    await inviteAndAccept(world.owner, world.employer, admin, 'ADMIN');
    admin.token = (await okAs('mutation { refreshToken { token } }', {}, admin.token)).refreshToken.token;
    const CREATE_KEY =
      'mutation($o: ID!, $r: Role!) { createApiKey(organizationId: $o, name: "Matrix bearer", role: $r) { secret } }';
    const memberKey = (await okAs(CREATE_KEY, { o: world.employer, r: 'MEMBER' }, world.owner.token))
      .createApiKey.secret as string;
    const adminKey = (await okAs(CREATE_KEY, { o: world.employer, r: 'ADMIN' }, world.owner.token))
      .createApiKey.secret as string;
    const before = await fingerprint(db);
    const failures: string[] = [];
    let sent = 0;
    const codeFrom = (result: GraphQLResult) =>
      (result.errors?.[0]?.extensions?.code as string | undefined) ?? 'allowed';
    for (const { kind, field } of operations) {
      const entry = MATRIX[field.name];
      if (!entry) continue;
      const humanOnly = HUMAN_ONLY.has(field.name);
      for (const bearer of ['MEMBER key', 'ADMIN key'] as const) {
        const variables = entry.vars(world);
        const document = documentFor(kind, field, variables);
        // What a person of the key's role gets: the member column, or the admin asked now (queries only).
        let person: string;
        if (bearer === 'MEMBER key') person = entry.member;
        else if (kind === 'Query') person = codeFrom((await send(document, variables, admin.token)).result);
        else person = entry.member === 'allowed' ? 'allowed' : 'unknown';
        // A mutation a person may make is not run with a key (it would change state), unless it is kept for people.
        if (kind === 'Mutation' && !humanOnly && (person === 'allowed' || person === 'unknown')) continue;
        const { status, text, result } = await send(
          document,
          variables,
          bearer === 'MEMBER key' ? memberKey : adminKey,
        );
        sent++;
        const code = codeFrom(result);
        const problems: string[] = [];
        if (status >= 500) problems.push(`status ${status}`);
        if (/stacktrace|at \w+ \(|node_modules|Internal server error/.test(text))
          problems.push('internals in the answer');
        if (humanOnly && code !== 'FORBIDDEN')
          problems.push(
            `got ${code} (${result.errors?.[0]?.message ?? ''}) instead of FORBIDDEN: kept for people`,
          );
        if (!humanOnly && person !== 'allowed' && code === 'allowed')
          problems.push(`allowed, where a person of its role gets ${person}`);
        if (code !== 'allowed' && result.data && (result.data as Record<string, unknown>)[field.name] != null)
          problems.push('data alongside the refusal');
        if (problems.length) failures.push(`${field.name} with a ${bearer}: ${problems.join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(150);
    expect(await fingerprint(db)).toEqual(before);
  }, 600_000);

  it('refuses a NUL byte in every string argument of every operation with BAD_USER_INPUT naming it, changing nothing', async () => {
    const before = await fingerprint(db);
    const failures: string[] = [];
    let sent = 0;
    for (const { kind, field } of operations) {
      const entry = MATRIX[field.name];
      if (!entry) continue;
      const variables = entry.vars(world);
      for (const arg of field.args as readonly GraphQLArgument[]) {
        if (variables[arg.name] === undefined) continue;
        for (const path of stringPaths(variables[arg.name], arg.type, [arg.name])) {
          const bad = withValue(variables, path, (old) => `${old}\u0000`);
          const { status, text, result } = await send(documentFor(kind, field, bad), bad, member.token);
          sent++;
          const named = (
            (result.errors?.[0]?.extensions?.details as { fields?: Array<{ field: string }> } | undefined)
              ?.fields ?? []
          ).map((f) => f.field);
          const names = path.filter((p): p is string => typeof p === 'string');
          const expectedName = (names.length > 1 ? names.slice(1) : names).join('.');
          if (
            status >= 500 ||
            /stacktrace|at \w+ \(|node_modules/.test(text) ||
            result.errors?.[0]?.extensions?.code !== 'BAD_USER_INPUT' ||
            !named.includes(expectedName)
          ) {
            failures.push(`${field.name} ${path.join('.')}: ${status} ${text.slice(0, 300)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(30);
    expect(await fingerprint(db)).toEqual(before);
  }, 600_000);
});
