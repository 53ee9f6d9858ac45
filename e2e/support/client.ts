// The e2e suites talk to Lattice as any client would: HTTP POSTs to the gateway.
import { randomUUID } from 'node:crypto';

/**
 * What a suite walks without declaring its shape: a GraphQL answer or a JSON(-LD) document fetched
 * from Lattice. Its expectations check the shape; the web app's generated operation types do not
 * reach the suites. The one place the suites allow `any`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON answers, checked by the expectations that read them
export type Untyped = any;

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; reason?: string; details?: unknown } }>;
}

export const gatewayUrl = () => process.env['LATTICE_E2E_GATEWAY']!;
export const ports = () => JSON.parse(process.env['LATTICE_E2E_PORTS']!) as Record<string, number>;
export const origin = () => new URL(gatewayUrl()).origin;
/** The port of every process of an app: one, or one per replica under E2E_REPLICAS. */
export const processPorts = (app: string): number[] =>
  (JSON.parse(process.env['LATTICE_E2E_PROCESS_PORTS'] ?? '{}') as Record<string, number[]>)[app] ?? [
    ports()[app]!,
  ];

export async function gql<T = Record<string, Untyped>>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResult<T>> {
  const response = await fetch(gatewayUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}

/** The data, or a thrown error naming the GraphQL errors. */
export async function ok<T = Record<string, Untyped>>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const result = await gql<T>(query, variables, token);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

export function codeOf(result: GraphQLResult): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

export const uniqueEmail = (label = 'user') => `${label}-${randomUUID().slice(0, 8)}@e2e.lattice.test`;

export interface Session {
  token: string;
  userId: string;
  email: string;
}

export async function signUp(label = 'user', locale: 'en' | 'fr' = 'en'): Promise<Session> {
  const email = uniqueEmail(label);
  const data = await ok<{ signUp: { token: string; user: { id: string } } }>(
    'mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }',
    { i: { email, password: 'correct horse battery', name: `Test ${label}`, locale } },
  );
  return { token: data.signUp.token, userId: data.signUp.user.id, email };
}

export async function createOrganization(session: Session, input: Record<string, unknown>): Promise<string> {
  const data = await ok<{ createOrganization: { id: string } }>(
    'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }',
    { i: input },
    session.token,
  );
  return data.createOrganization.id;
}

export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const started = Date.now();
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() - started > timeoutMs) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await probe();
  }
  return last;
}

/** The owner invites `member` with `role`, and `member` accepts. */
export async function inviteAndAccept(
  owner: Session,
  organizationId: string,
  member: Session,
  role: 'ADMIN' | 'MEMBER',
): Promise<void> {
  const invited = await ok(
    'mutation($o: ID!, $e: String!, $r: Role!) { inviteMember(organizationId: $o, email: $e, role: $r) { token } }',
    { o: organizationId, e: member.email, r: role },
    owner.token,
  );
  await ok(
    'mutation($t: String!) { acceptInvitation(token: $t) { role } }',
    { t: invited.inviteMember.token },
    member.token,
  );
}

/** `member`'s admin asks to join the umbrella and `umbrellaAdmin` accepts: the organization is then a member. */
export async function joinUmbrellaAccepted(
  member: Session,
  umbrellaAdmin: Session,
  umbrellaId: string,
  organizationId: string,
): Promise<void> {
  const asked = await ok(
    'mutation($u: ID!, $o: ID!) { joinUmbrella(umbrellaId: $u, organizationId: $o) { joinRequest { id } } }',
    { u: umbrellaId, o: organizationId },
    member.token,
  );
  await ok(
    'mutation($id: ID!) { respondToUmbrellaJoinRequest(id: $id, accept: true) { state } }',
    { id: asked.joinUmbrella.joinRequest.id },
    umbrellaAdmin.token,
  );
}
