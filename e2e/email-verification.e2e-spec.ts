// Proving an e-mail address through the gateway: sign-up mails a single-use link (read from a real
// SMTP server), the link verifies the address without logging anyone in, and what is found by
// address — a learner's awards and transcript — stays closed until then.
import { codeOf, gql, ok, signUp, type GraphQLResult, type Session } from './support/client';
import { openMailbox, verificationTokenIn, type Mailbox } from './support/mailbox';

const SUBJECT = 'Confirm your e-mail address';
const ME = '{ me { emailVerified } }';
const VERIFY = 'mutation($t: String!) { verifyEmail(token: $t) { id emailVerified } }';
const RESEND = 'mutation { requestEmailVerification { emailVerified } }';
const reason = (result: GraphQLResult) => result.errors?.[0]?.extensions?.['reason'];

let mailbox: Mailbox;
beforeAll(async () => {
  mailbox = await openMailbox();
});
afterAll(async () => {
  await mailbox.close();
});

describe('e-mail verification', () => {
  let person: Session;
  let token: string;

  beforeAll(async () => {
    person = await signUp('verify-me');
    const [mail] = await mailbox.waitFor(person.email, SUBJECT);
    token = verificationTokenIn(mail!);
  });

  it('mails the new account one link, and keeps the address unproven until it is opened', async () => {
    expect(mailbox.mails.filter((m) => m.to.includes(person.email.toLowerCase()))).toHaveLength(1);
    expect((await ok(ME, {}, person.token)).me.emailVerified).toBe(false);
    const awards = await gql('{ myAwards { totalCount } }', {}, person.token);
    expect(codeOf(awards)).toBe('FORBIDDEN');
    expect(reason(awards)).toBe('CREDENTIALS.EMAIL_NOT_VERIFIED');
    expect(reason(await gql('{ myTranscript }', {}, person.token))).toBe('CREDENTIALS.EMAIL_NOT_VERIFIED');
  });

  it('refuses a wrong or malformed link and changes nothing', async () => {
    expect(reason(await gql(VERIFY, { t: 'A'.repeat(43) }))).toBe('IDENTITY.VERIFICATION_LINK_NOT_FOUND');
    expect(codeOf(await gql(VERIFY, { t: 'not a token' }))).toBe('NOT_FOUND');
    expect((await ok(ME, {}, person.token)).me.emailVerified).toBe(false);
  });

  it('sends at most one new link a minute', async () => {
    const again = await gql(RESEND, {}, person.token);
    expect(codeOf(again)).toBe('FAILED_PRECONDITION');
    expect(reason(again)).toBe('IDENTITY.VERIFICATION_RECENTLY_SENT');
    expect(codeOf(await gql(RESEND, {}))).toBe('UNAUTHENTICATED');
  });

  it('verifies with the link from the mail, without a session, once; a fresh token then opens what is found by address', async () => {
    const verified = (await ok(VERIFY, { t: token })).verifyEmail;
    expect(verified).toEqual({ id: person.userId, emailVerified: true });
    expect((await ok(ME, {}, person.token)).me.emailVerified).toBe(true);
    // The old token still says "not verified"; refreshing carries the proof.
    expect(reason(await gql('{ myAwards { totalCount } }', {}, person.token))).toBe(
      'CREDENTIALS.EMAIL_NOT_VERIFIED',
    );
    const fresh = (await ok('mutation { refreshToken { token } }', {}, person.token)).refreshToken
      .token as string;
    expect((await ok('{ myAwards { totalCount } }', {}, fresh)).myAwards.totalCount).toBe(0);

    const reused = await gql(VERIFY, { t: token });
    expect(codeOf(reused)).toBe('CONFLICT');
    expect(reason(reused)).toBe('IDENTITY.VERIFICATION_LINK_USED');
    expect(reason(await gql(RESEND, {}, fresh))).toBe('IDENTITY.EMAIL_ALREADY_VERIFIED');
  });
});
