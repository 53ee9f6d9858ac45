// Abuse limits through the gateway, at their default values (the e2e stack raises only the
// per-address limits every suite would trip from 127.0.0.1; the gateway trusts X-Forwarded-For
// from loopback there, so these tests act as clients at addresses of their own).
import { randomUUID } from 'node:crypto';
import { gatewayUrl, origin, signUp, type GraphQLResult } from './support/client';

const LOG_IN = 'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }';

async function post(
  body: unknown,
  headers: Record<string, string> = {},
  url = gatewayUrl(),
): Promise<{ status: number; retryAfter: string | null; body: GraphQLResult }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as GraphQLResult,
  };
}
const codeOf = (result: { body: GraphQLResult }) => result.body.errors?.[0]?.extensions?.code;
const retryAfterOf = (result: { body: GraphQLResult }) =>
  (result.body.errors?.[0]?.extensions as { retryAfter?: number } | undefined)?.retryAfter;
const anAddress = () => `203.0.113.${1 + Math.floor(Math.random() * 250)}`;

describe('abuse limits', () => {
  it('stops answering wrong passwords for one account after ten, even from many addresses, with Retry-After', async () => {
    const person = await signUp('brute-forced');
    const answers = [];
    for (let i = 0; i < 15; i++)
      answers.push(
        await post(
          { query: LOG_IN, variables: { e: person.email, p: `guess number ${i}` } },
          { 'x-forwarded-for': anAddress() },
        ),
      );
    expect(answers.slice(0, 10).map(codeOf)).toEqual(Array(10).fill('UNAUTHENTICATED'));
    for (const limited of answers.slice(10)) {
      expect(codeOf(limited)).toBe('RATE_LIMITED');
      expect(limited.body.errors?.[0]?.extensions?.reason).toBe('COMMON.RATE_LIMITED');
      expect(retryAfterOf(limited)).toBeGreaterThan(0);
      expect(Number(limited.retryAfter)).toBe(retryAfterOf(limited));
      expect(JSON.stringify(limited.body)).not.toMatch(/stack|at Object/);
    }
    // While limited, even the right password waits; another account is not affected.
    expect(
      codeOf(
        await post({
          query: LOG_IN,
          variables: { e: person.email.toUpperCase(), p: 'correct horse battery' },
        }),
      ),
    ).toBe('RATE_LIMITED');
    const other = await signUp('bystander');
    expect(
      (await post({ query: LOG_IN, variables: { e: other.email, p: 'correct horse battery' } })).body.data,
    ).toMatchObject({ logIn: { token: expect.any(String) } });
  });

  it('a successful log-in clears the failures before it', async () => {
    const person = await signUp('forgetful');
    for (let i = 0; i < 9; i++)
      await post({ query: LOG_IN, variables: { e: person.email, p: `wrong ${i}` } });
    expect(
      (await post({ query: LOG_IN, variables: { e: person.email, p: 'correct horse battery' } })).body.data?.[
        'logIn'
      ],
    ).toBeTruthy();
    for (let i = 0; i < 9; i++)
      expect(
        codeOf(await post({ query: LOG_IN, variables: { e: person.email, p: `wrong again ${i}` } })),
      ).toBe('UNAUTHENTICATED');
  });

  it('limits verification e-mails per account', async () => {
    const person = await signUp('resender');
    const codes = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        codeOf(
          await post(
            { query: 'mutation { requestEmailVerification { id } }' },
            { authorization: `Bearer ${person.token}` },
          ),
        ),
      );
    expect(codes.slice(0, 5).every((code) => code === 'FAILED_PRECONDITION')).toBe(true); // one a minute, as before
    expect(codes[5]).toBe('RATE_LIMITED');
  });

  it('limits POST /verify per client address, answering 429 with Retry-After', async () => {
    const address = anAddress();
    const verify = () =>
      post(
        { credential: { id: `urn:uuid:${randomUUID()}` } },
        { 'x-forwarded-for': address },
        `${origin()}/verify`,
      );
    for (let i = 0; i < 60; i++) expect((await verify()).status).not.toBe(429);
    const refused = await verify();
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    // Another client is still served.
    const other = await post(
      { credential: { id: 'urn:uuid:x' } },
      { 'x-forwarded-for': anAddress() },
      `${origin()}/verify`,
    );
    expect(other.status).not.toBe(429);
  });

  it('spends a budget per bearer credential at the gateway (600 a minute)', async () => {
    const token = `not-a-real-token-${randomUUID()}`;
    const headers = { authorization: `Bearer ${token}` };
    const statuses: number[] = [];
    for (let batch = 0; batch < 10; batch++) {
      statuses.push(
        ...(await Promise.all(
          Array.from({ length: 60 }, () => post({ query: '{ __typename }' }, headers).then((r) => r.status)),
        )),
      );
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
    const refused = await post({ query: '{ __typename }' }, headers);
    expect(refused.status).toBe(429);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // Without that credential the same client is served.
    expect((await post({ query: '{ __typename }' })).status).toBe(200);
  });
});
