// Accounts as people expect them, through the gateway: password rules (NIST SP 800-63B), reset by
// e-mail, change, sign out everywhere (refused by every service, not only identity), and refresh
// tokens rotated with reuse detection.
import { randomUUID } from 'node:crypto';
import { codeOf, gatewayUrl, gql, ok, signUp, uniqueEmail, type GraphQLResult } from './support/client';
import { linkTokenIn, openMailbox, type Mailbox } from './support/mailbox';

const PASSWORD = 'correct horse battery';
const SIGN_UP = 'mutation($i: SignUpInput!) { signUp(input: $i) { token refreshToken } }';
const LOG_IN = 'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token refreshToken } }';
const ME = '{ me { id } }';
const INBOX = '{ notifications(first: 1) { totalCount } }';
const REQUEST_RESET = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';
const REFRESH = 'mutation($r: String) { refreshToken(refreshToken: $r) { token refreshToken } }';
const reason = (result: GraphQLResult) => result.errors?.[0]?.extensions?.reason;
const field = (result: GraphQLResult) =>
  (result.errors?.[0]?.extensions?.details as { field?: string } | undefined)?.field;

async function gqlFrom(
  address: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphQLResult> {
  const response = await fetch(gatewayUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult;
}

let mailbox: Mailbox;
beforeAll(async () => {
  mailbox = await openMailbox();
});
afterAll(async () => {
  await mailbox.close();
});

describe('password rules', () => {
  it.each([
    ['aaaaaaaaaaaa', 'IDENTITY.PASSWORD_TOO_SHORT'],
    ['password1234', 'IDENTITY.PASSWORD_TOO_SHORT'],
    ['aaaaaaaaaaaaaaaaaaaa', 'IDENTITY.PASSWORD_REPETITIVE'],
    ['password1234567890', 'IDENTITY.PASSWORD_TOO_COMMON'],
    ['<own e-mail>', 'IDENTITY.PASSWORD_PERSONAL'],
  ])('refuses %j at sign-up with %s, and creates nothing', async (password, expected) => {
    const email = uniqueEmail('weak');
    const refused = await gql(SIGN_UP, {
      i: {
        email,
        password: password === '<own e-mail>' ? email : password,
        name: 'Weak Password',
        locale: 'en',
      },
    });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(reason(refused)).toBe(expected);
    expect(field(refused)).toBe('password');
    expect(refused.errors?.[0]?.message).toMatch(/password|characters/i);
    // The address is still free.
    expect(
      (await ok(SIGN_UP, { i: { email, password: PASSWORD, name: 'Weak Password', locale: 'en' } })).signUp
        .token,
    ).toEqual(expect.any(String));
  });
});

describe('password reset by e-mail', () => {
  it('answers the same for an unknown address, mails a single-use link to a known one, and ends every session', async () => {
    const person = await signUp('forgot');
    const unknown = await gql(REQUEST_RESET, { e: uniqueEmail('nobody') });
    const known = await gql(REQUEST_RESET, { e: person.email.toUpperCase() });
    expect(unknown).toEqual(known);
    expect(known).toEqual({ data: { requestPasswordReset: true } });
    const [mail] = await mailbox.waitFor(person.email, 'Reset your Lattice password');
    const token = linkTokenIn(mail!, '/reset-password');

    // The new password follows the same rules, and a refusal spends nothing.
    expect(reason(await gql(RESET, { t: token, p: 'password1234567890' }))).toBe(
      'IDENTITY.PASSWORD_TOO_COMMON',
    );
    expect(reason(await gql(RESET, { t: `x${token}`, p: 'a brand new passphrase' }))).toBe(
      'IDENTITY.RESET_LINK_NOT_FOUND',
    );
    expect(await ok(RESET, { t: token, p: 'a brand new passphrase' })).toEqual({ resetPassword: true });

    expect(reason(await gql(RESET, { t: token, p: 'another new passphrase' }))).toBe(
      'IDENTITY.RESET_LINK_USED',
    );
    expect(codeOf(await gql(ME, {}, person.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(INBOX, {}, person.token))).toBe('UNAUTHENTICATED');
    expect(reason(await gql(LOG_IN, { e: person.email, p: PASSWORD }))).toBe('IDENTITY.INVALID_CREDENTIALS');
    const fresh = (await ok(LOG_IN, { e: person.email, p: 'a brand new passphrase' })).logIn;
    expect((await ok(ME, {}, fresh.token)).me.id).toBe(person.userId);
    await mailbox.waitFor(person.email, 'Your Lattice password was changed');
  });

  it('limits reset e-mails per address asked for (3 an hour) and per client address (20 an hour)', async () => {
    const person = await signUp('reset-limited');
    const client = `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
    const answers = [];
    for (let i = 0; i < 4; i++)
      answers.push(codeOf(await gqlFrom(client, REQUEST_RESET, { e: person.email })));
    expect(answers).toEqual([undefined, undefined, undefined, 'RATE_LIMITED']);
    // The same client asking for other addresses: 20 in all from this address, then refused.
    const more = [];
    for (let i = 0; i < 17; i++)
      more.push(codeOf(await gqlFrom(client, REQUEST_RESET, { e: uniqueEmail('other') })));
    expect(more.slice(0, 16).every((code) => code === undefined)).toBe(true);
    expect(more[16]).toBe('RATE_LIMITED');
    // Another client is still served.
    expect(
      codeOf(
        await gqlFrom(`192.0.2.${1 + Math.floor(Math.random() * 250)}`, REQUEST_RESET, {
          e: uniqueEmail('else'),
        }),
      ),
    ).toBeUndefined();
  });
});

describe('change password, sign out everywhere', () => {
  it('needs the current password, keeps this session with new tokens, and ends the others', async () => {
    const email = uniqueEmail('changer');
    const first = (await ok(SIGN_UP, { i: { email, password: PASSWORD, name: 'Changer', locale: 'en' } }))
      .signUp;
    const second = (await ok(LOG_IN, { e: email, p: PASSWORD })).logIn;
    const CHANGE =
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token refreshToken } }';
    const wrong = await gql(
      CHANGE,
      { c: 'not my password at all', n: 'a better passphrase here' },
      first.token,
    );
    expect(reason(wrong)).toBe('IDENTITY.WRONG_PASSWORD');
    expect(reason(await gql(CHANGE, { c: PASSWORD, n: email }, first.token))).toBe(
      'IDENTITY.PASSWORD_PERSONAL',
    );
    const changed = (await ok(CHANGE, { c: PASSWORD, n: 'a better passphrase here' }, first.token))
      .changePassword;
    for (const old of [first.token, second.token]) {
      expect(codeOf(await gql(ME, {}, old))).toBe('UNAUTHENTICATED');
      expect(codeOf(await gql(INBOX, {}, old))).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(await gql(REFRESH, { r: second.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(await gql(ME, {}, changed.token)).toMatchObject({ data: { me: { id: expect.any(String) } } });
    expect(await gql(INBOX, {}, changed.token)).toMatchObject({
      data: { notifications: expect.any(Object) },
    });
  });

  it('signs out every session, this one included, in every service', async () => {
    const person = await signUp('leaver');
    const other = (await ok(LOG_IN, { e: person.email, p: PASSWORD })).logIn;
    expect(await ok('mutation { signOutEverywhere }', {}, person.token)).toEqual({ signOutEverywhere: true });
    for (const token of [person.token, other.token]) {
      expect(codeOf(await gql(ME, {}, token))).toBe('UNAUTHENTICATED');
      expect(codeOf(await gql(INBOX, {}, token))).toBe('UNAUTHENTICATED');
      expect(codeOf(await gql('{ myAwards { totalCount } }', {}, token))).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(await gql(REFRESH, { r: other.refreshToken }))).toBe('UNAUTHENTICATED');
    const back = (await ok(LOG_IN, { e: person.email, p: PASSWORD })).logIn;
    expect(await gql(INBOX, {}, back.token)).toMatchObject({ data: { notifications: expect.any(Object) } });
  });
});

describe('refresh tokens', () => {
  it('rotates on every use; a reused one ends its whole family', async () => {
    const person = await signUp('refresher');
    const session = (await ok(LOG_IN, { e: person.email, p: PASSWORD })).logIn;
    const next = (await ok(REFRESH, { r: session.refreshToken })).refreshToken;
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect((await ok(ME, {}, next.token)).me.id).toBe(person.userId);
    // The spent token comes back (a thief's copy): refused, and the family with it.
    const reused = await gql(REFRESH, { r: session.refreshToken });
    expect(codeOf(reused)).toBe('UNAUTHENTICATED');
    expect(reason(reused)).toBe('IDENTITY.REFRESH_TOKEN_REUSED');
    expect(reason(await gql(REFRESH, { r: next.refreshToken }))).toBe('IDENTITY.REFRESH_TOKEN_INVALID');
    // Another family (another device) is not affected; nonsense is refused plainly.
    const elsewhere = (await ok(LOG_IN, { e: person.email, p: PASSWORD })).logIn;
    expect((await ok(REFRESH, { r: elsewhere.refreshToken })).refreshToken.token).toEqual(expect.any(String));
    expect(reason(await gql(REFRESH, { r: `lrt_${randomUUID()}` }))).toBe('IDENTITY.REFRESH_TOKEN_INVALID');
    // The old way (the access token authenticates) still works.
    expect((await ok('mutation { refreshToken { token } }', {}, next.token)).refreshToken.token).toEqual(
      expect.any(String),
    );
  });
});
