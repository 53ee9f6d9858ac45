import 'reflect-metadata';
import { migrateService } from '@lattice/shared-data-access';
import { bootstrapService, runService } from '@lattice/shared-graphql';
import { createQueue, parseClusterNodes } from '@lattice/shared-queue';
import { notificationsDataSource } from '@lattice/notifications-data-access';
import { invitationLinkKeyFrom, webhookSecretKeyFrom } from '@lattice/shared-util-config';
import { SmtpMailer } from '@lattice/notifications-feature';
import { loadWorkerEnv } from './config';
import { WorkerModule } from './worker.module';

runService(async () => {
  const config = loadWorkerEnv();
  const production = config.NODE_ENV === 'production';
  if (config.DELIVERY_LEASE_SECONDS * 1000 < Math.max(config.WEBHOOK_TIMEOUT_MS, 20_000) + 5_000) {
    // A lease shorter than a send lets a second sender take a delivery that is still being sent.
    throw new Error(
      `DELIVERY_LEASE_SECONDS (${config.DELIVERY_LEASE_SECONDS}) must exceed the slowest send (WEBHOOK_TIMEOUT_MS, SMTP's 20 s) by 5 s`,
    );
  }
  const settings = {
    production,
    webhookSecretKey: webhookSecretKeyFrom(config.WEBHOOK_SECRET_KEY, production),
    publicBaseUrl: config.PUBLIC_BASE_URL,
    mailFrom: config.MAIL_FROM,
    webhookTimeoutMs: config.WEBHOOK_TIMEOUT_MS,
    deliveryLeaseSeconds: config.DELIVERY_LEASE_SECONDS,
    invitationLinkKey: invitationLinkKeyFrom(config.INVITATION_LINK_KEY, production),
  };
  // The worker writes notifications' tables, so it makes sure they exist before consuming.
  await migrateService(notificationsDataSource(config.DATABASE_URL));
  const webhookPolicy = {
    ...(config.WEBHOOK_MAX_ATTEMPTS ? { attempts: config.WEBHOOK_MAX_ATTEMPTS } : {}),
    ...(config.WEBHOOK_BACKOFF_BASE_MS
      ? { baseMs: config.WEBHOOK_BACKOFF_BASE_MS, maxMs: config.WEBHOOK_BACKOFF_BASE_MS * 64 }
      : {}),
  };
  const queue = await createQueue({
    driver: config.QUEUE_DRIVER,
    redisUrl: config.REDIS_URL,
    clusterNodes: parseClusterNodes(config.REDIS_CLUSTER_NODES),
    redisPassword: config.REDIS_PASSWORD,
    prefix: config.QUEUE_PREFIX,
    policies: { 'notifications-webhooks': webhookPolicy },
  });
  const mailer = new SmtpMailer(config.SMTP_URL, config.MAIL_FROM);
  // The queue dashboard (operators only) is mounted by WorkerModule when BullMQ and JWT_PUBLIC_KEY are there.
  await bootstrapService(WorkerModule.forRoot(config, queue, settings, mailer), {
    name: 'worker',
    port: config.PORT,
    host: config.HOST,
  });
});
