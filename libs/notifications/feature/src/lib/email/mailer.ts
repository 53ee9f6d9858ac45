// The port e-mail goes through: SMTP (nodemailer) in every deployment — Mailpit under docker
// compose, a real relay in production, an in-process smtp-server in tests.
import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Deterministic per delivery, so a resent message is recognisably the same message. */
  readonly messageId: string;
  readonly language: string;
  /** The delivery's key and its event, as headers: a receiver (or a mail filter) can drop a resend by them. */
  readonly deliveryId?: string;
  readonly eventId?: string;
}

export abstract class Mailer {
  abstract send(mail: OutgoingMail): Promise<void>;
  abstract close(): Promise<void>;
}

export class SmtpMailer extends Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    // Pooled: a few SMTP connections reused across messages, instead of a new connection (and
    // greeting) per e-mail. Each message still succeeds or fails on its own.
    this.transport = createTransport(smtpUrl, {
      pool: true,
      maxConnections: 4,
      maxMessages: 1000,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    } as never);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: {
        'Content-Language': mail.language,
        'Auto-Submitted': 'auto-generated',
        ...(mail.deliveryId ? { 'Lattice-Delivery': mail.deliveryId } : {}),
        ...(mail.eventId ? { 'Lattice-Event-Id': mail.eventId } : {}),
      },
    });
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
