export * from './lib/evidence-feature.module';
export * from './lib/shared/evidence.options';
export * from './lib/events/evidence-events.handlers';
export * from './lib/events/evidence-worker.module';
