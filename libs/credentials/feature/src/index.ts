export * from './lib/credentials-feature.module';
