export * from './lib/queue.port';
export * from './lib/in-process.driver';
export * from './lib/bullmq.driver';
export * from './lib/job-handler.registry';
export * from './lib/create-queue';
export * from './lib/redis-connection';
