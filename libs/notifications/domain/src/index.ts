// Notifications' pure rules: who hears of each event and in which words, delivery keys, how a
// preference decides a delivery's first status, the e-mails' text, webhook signatures. No Nest,
// TypeORM, BullMQ or Redis (lint enforces it); the feature library orchestrates them.
export * from './lib/routing/routing-rules';
export * from './lib/routing/delivery-key';
export * from './lib/preferences/preference-rules';
export * from './lib/email/email-templates';
export * from './lib/webhooks/webhook-signature';
