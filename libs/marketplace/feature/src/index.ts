export * from './lib/marketplace-feature.module';
