// What the notifications code needs from its host's environment (the subgraph or the worker).
export interface NotificationsSettings {
  /** NODE_ENV=production: webhook URLs must resolve to public addresses. */
  readonly production: boolean;
  /** AES-256-GCM key for webhook secrets at rest. */
  readonly webhookSecretKey: Buffer;
  /** Origin used in links. */
  readonly publicBaseUrl: string;
  readonly mailFrom: string;
  /** Per-request timeout for webhook POSTs. */
  readonly webhookTimeoutMs: number;
  /**
   * How long a sender holds a delivery before it is presumed dead and the delivery is sent again
   * (default 120 s). Must outlast the slowest send (webhook timeout, SMTP socket timeout 20 s).
   */
  readonly deliveryLeaseSeconds?: number;
  /** Opens the accept link sealed into an invitation event (INVITATION_LINK_KEY); without it invitation e-mails carry no link. */
  readonly invitationLinkKey?: Buffer;
}

export const NOTIFICATIONS_SETTINGS = Symbol('NOTIFICATIONS_SETTINGS');
