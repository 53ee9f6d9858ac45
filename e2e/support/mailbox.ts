// An SMTP server for one e2e suite on the port the e2e worker sends to: what arrived, by address.
import { SMTPServer } from 'smtp-server';
import { eventually, ok } from './client';
import { decodedSubject, textPart } from './mail';

export interface ReceivedMail {
  readonly to: string[];
  readonly raw: string;
}

export interface Mailbox {
  readonly mails: ReceivedMail[];
  /** Mails to `address` whose subject contains `subjectPart`, once at least one arrived. */
  waitFor(address: string, subjectPart: string, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** Starts the suite's SMTP server; what arrives is appended to `mails`. */
export async function openMailbox(mails: ReceivedMail[] = []): Promise<Mailbox> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // The worker pools its SMTP connections; closing must not wait for them to go idle.
    closeTimeout: 500,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(process.env['LATTICE_E2E_SMTP_PORT']), '127.0.0.1', resolve);
  });
  const matching = (address: string, subjectPart: string) =>
    mails.filter((m) => m.to.includes(address.toLowerCase()) && decodedSubject(m.raw).includes(subjectPart));
  return {
    mails,
    waitFor: (address, subjectPart, timeoutMs = 20_000) =>
      eventually(
        async () => matching(address, subjectPart),
        (list) => list.length > 0,
        timeoutMs,
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the link to `path` (e.g. /verify-email, /reset-password) in a mail's text. */
export function linkTokenIn(mail: ReceivedMail, path: string): string {
  const link = new RegExp(`https?://\\S+${path}\\?token=[A-Za-z0-9_-]+`).exec(textPart(mail.raw));
  if (!link) throw new Error(`no ${path} link in the mail`);
  return new URL(link[0]).searchParams.get('token')!;
}

/** The token of the e-mail verification link in a mail's text. */
export const verificationTokenIn = (mail: ReceivedMail): string => linkTokenIn(mail, '/verify-email');

/** Opens the verification link mailed to the session's address and returns a token that carries the proof. */
export async function withVerifiedEmail<S extends { token: string; email: string }>(
  mailbox: Mailbox,
  session: S,
): Promise<S> {
  // Either language: the mail is in the account's.
  const [mail] = await eventually(
    async () =>
      mailbox.mails.filter(
        (m) => m.to.includes(session.email.toLowerCase()) && /\/verify-email\?token=/.test(textPart(m.raw)),
      ),
    (list) => list.length > 0,
    20_000,
  );
  if (!mail) throw new Error(`no verification e-mail reached ${session.email} within 20 s`);
  await ok('mutation($t: String!) { verifyEmail(token: $t) { id } }', { t: verificationTokenIn(mail) });
  const fresh = await ok<{ refreshToken: { token: string } }>(
    'mutation { refreshToken { token } }',
    {},
    session.token,
  );
  return { ...session, token: fresh.refreshToken.token };
}
