export * from './lib/notifications-feature.module';
export * from './lib/identity-directory/identity-directory.handlers';
export * from './lib/inbox/inbox.service';
