// E-mail delivery of one event to one person, and the daily digest of those who chose it.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeliveryJob, DomainEvent } from '@lattice/shared-contracts';
import { SecretBox } from '@lattice/shared-util-config';
import { DeliveryRepository } from '@lattice/notifications-data-access';
import {
  addressRecipientId,
  localeOf,
  messageIdFor,
  messageOf,
  renderDigestMail,
  renderMessageMail,
  ruleFor,
} from '@lattice/notifications-domain';
import { DeliveryStore } from '../delivery/delivery-store';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../notifications-settings';
import { Mailer } from './mailer';

@Injectable()
export class EmailDelivery {
  private readonly logger = new Logger('email');

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DeliveryStore,
    private readonly deliveries: DeliveryRepository,
    private readonly mailer: Mailer,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {}

  async deliver(job: DeliveryJob): Promise<void> {
    const claimed = await this.store.claimToSend(job.deliveryId);
    if (!claimed) return;
    const { delivery, event } = claimed;
    const person = claimed.person ?? addressee(event, delivery.recipient);
    if (!person) return this.store.skipped(delivery.id, 'recipient not in directory');
    const locale = localeOf(person.locale);
    const message = messageOf(
      event,
      locale,
      { ...(await this.namesFor(event)), ...this.linksOf(event) },
      delivery.variant,
    );
    const mail = renderMessageMail(message, locale, person.name, this.settings.publicBaseUrl);
    await this.mailer.send({
      to: person.email,
      ...mail,
      messageId: messageIdFor(delivery.id, this.settings.mailFrom),
      language: locale,
      deliveryId: delivery.id,
      eventId: event.id,
    });
    await this.store.succeeded(delivery.id);
  }

  /**
   * Links an e-mail may carry and the inbox never does: an invitation's accept link and an e-mail
   * verification link, opened from their sealed form. Never logged; a link that cannot be opened
   * leaves the e-mail without it.
   */
  private linksOf(event: DomainEvent): Record<string, string> {
    const sealed = sealedLinkOf(event);
    if (!sealed || !this.settings.invitationLinkKey) return {};
    try {
      return { [sealed.name]: new SecretBox(this.settings.invitationLinkKey).open(sealed.value) };
    } catch {
      this.logger.warn(
        `the link of ${event.type} event ${event.id} could not be opened (INVITATION_LINK_KEY differs from identity's?)`,
      );
      return {};
    }
  }

  private namesFor(event: DomainEvent): Promise<Record<string, string>> {
    return this.store.names(ruleFor(event.type)?.names?.(event as never) ?? {});
  }

  /**
   * Sends each person who chose the daily digest one e-mail with everything collected before
   * `cutoff`. Rows are locked per person while the mail goes out, so replicas never double up;
   * the Message-ID is per person and day, so a resend after a crash is recognisably the same.
   */
  async sendDigests(cutoff: Date = new Date()): Promise<number> {
    const recipients = await this.deliveries.digestRecipients(cutoff);
    let sent = 0;
    for (const recipient of recipients) {
      try {
        if (await this.sendDigest(recipient, cutoff)) sent++;
      } catch (error) {
        this.logger.warn(`digest for ${recipient} failed: ${(error as Error).message}`);
        throw error;
      }
    }
    return sent;
  }

  private async sendDigest(recipient: string, cutoff: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.deliveries.lockDigest(manager, recipient, cutoff);
      if (rows.length === 0) return false;
      const person = await this.store.person(recipient, manager);
      if (person) {
        const locale = localeOf(person.locale);
        const messages = [];
        for (const row of rows) {
          const event = await this.store.event(row.event_id, manager);
          messages.push(
            messageOf(
              event,
              locale,
              {
                ...(await this.store.names(ruleFor(event.type)?.names?.(event as never) ?? {}, manager)),
                ...this.linksOf(event),
              },
              row.variant,
            ),
          );
        }
        const mail = renderDigestMail(messages, locale, person.name, this.settings.publicBaseUrl);
        const day = cutoff.toISOString().slice(0, 10);
        await this.mailer.send({
          to: person.email,
          ...mail,
          messageId: messageIdFor(`digest-${recipient}-${day}`, this.settings.mailFrom),
          language: locale,
        });
      }
      await this.deliveries.closeDigest(
        manager,
        rows.map((row) => row.id),
        person ? 'SENT' : 'SKIPPED',
      );
      return person !== null;
    });
  }
}

function sealedLinkOf(event: DomainEvent): { name: string; value: string } | null {
  if (event.type === 'identity.invitation.created') {
    const value = (event as DomainEvent<'identity.invitation.created'>).payload.sealedAcceptUrl;
    return value ? { name: 'acceptUrl', value } : null;
  }
  if (event.type === 'identity.email_verification.requested') {
    const value = (event as DomainEvent<'identity.email_verification.requested'>).payload.sealedVerifyUrl;
    return value ? { name: 'verifyUrl', value } : null;
  }
  if (event.type === 'identity.password_reset.requested') {
    const value = (event as DomainEvent<'identity.password_reset.requested'>).payload.sealedResetUrl;
    return value ? { name: 'resetUrl', value } : null;
  }
  return null;
}

/** The addressee of an address-only delivery (no account yet): the address its rule names, in the language the event states (else English). */
function addressee(
  event: DomainEvent,
  recipient: string,
): { id: string; email: string; name: string; locale: string } | null {
  const target = ruleFor(event.type)
    ?.audience(event as never)
    .find((t) => t.kind === 'address' && addressRecipientId(t.email) === recipient);
  return target && target.kind === 'address'
    ? { id: recipient, email: target.email, name: target.email, locale: target.locale ?? 'en' }
    : null;
}
