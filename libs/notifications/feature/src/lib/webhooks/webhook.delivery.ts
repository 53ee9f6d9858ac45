// One webhook delivery: a signed POST of the event to the subscription's URL. A non-2xx answer,
// a redirect or a timeout fails the attempt; the webhooks queue retries with exponential
// backoff and jitter for about a day, and the last failure leaves the delivery DEAD (visible to
// the organization in its delivery log, and in the queue's failed set on the dashboard).
import { Inject, Injectable } from '@nestjs/common';
import type { DeliveryJob } from '@lattice/shared-contracts';
import { SecretBox } from '@lattice/shared-util-config';
import { requestCheckedUrl, type PublicResponse } from '@lattice/shared-util-network';
import { DeliveryStore } from '../delivery/delivery-store';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../notifications-settings';
import { checkWebhookUrl } from './webhook-url';
import { SIGNATURE_HEADER, signatureHeader } from '@lattice/notifications-domain';

export class WebhookAttemptError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
  ) {
    super(message);
  }
}

@Injectable()
export class WebhookDelivery {
  private readonly box: SecretBox;

  constructor(
    private readonly store: DeliveryStore,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {
    this.box = new SecretBox(settings.webhookSecretKey);
  }

  async deliver(job: DeliveryJob): Promise<void> {
    const claimed = await this.store.claimToSend(job.deliveryId);
    if (!claimed) return;
    const { delivery, event, subscription } = claimed;
    if (!subscription?.active) return this.store.skipped(delivery.id, 'subscription removed');
    // Checked again at send time: DNS may have changed since the subscription was created. The
    // connection is then pinned to public addresses too (requestCheckedUrl), so an answer that changes
    // between this check and the connect (DNS rebinding) reaches nothing.
    const verdict = await checkWebhookUrl(subscription.url, { production: this.settings.production });
    if (!verdict.ok) throw new WebhookAttemptError(`refused: ${verdict.reason}`, null);
    const body = JSON.stringify({
      id: delivery.id,
      event: {
        id: event.id,
        type: event.type,
        occurredAt: event.occurredAt,
        actorId: event.actorId,
        payload: event.payload,
      },
    });
    const timestamp = Math.floor(Date.now() / 1000);
    let response: PublicResponse;
    try {
      // No redirect is followed: a 3xx fails the attempt like any other non-2xx.
      response = await requestCheckedUrl(verdict.url, {
        production: this.settings.production,
        protocols: ['https:', 'http:'],
        method: 'POST',
        readBody: false,
        timeoutMs: this.settings.webhookTimeoutMs,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Lattice-Webhooks/1',
          'Lattice-Event': event.type,
          'Lattice-Delivery': delivery.id,
          [SIGNATURE_HEADER]: signatureHeader(this.box.open(subscription.secret_ciphertext), body, timestamp),
        },
        body,
      });
    } catch (error) {
      throw new WebhookAttemptError(`request failed: ${(error as Error).message}`, null);
    }
    // The receiver has answered: record the outcome before anything else, so a sender dying now
    // leaves as short a window as possible in which an accepted delivery is not yet recorded.
    const accepted = response.status >= 200 && response.status < 300;
    if (accepted) await this.store.succeeded(delivery.id, { statusCode: response.status });
    if (!accepted) throw new WebhookAttemptError(`endpoint answered ${response.status}`, response.status);
  }
}
