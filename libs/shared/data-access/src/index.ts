export * from './lib/outbox';
export * from './lib/outbox-relay';
export * from './lib/data-source';
export * from './lib/transaction';
export * from './lib/leader-lease';
export * from './lib/read-replicas';
export * from './lib/prepared-query';
