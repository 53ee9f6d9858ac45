import 'reflect-metadata';
import { migrateService } from '@lattice/shared-data-access';
import { bootstrapService, runService } from '@lattice/shared-graphql';
import { evidenceDataSource } from '@lattice/evidence-data-access';
import { privacyThreshold } from '@lattice/evidence-domain';
import { EvidenceAppModule } from './app.module';
import { loadEvidenceEnv } from './config';

runService(async () => {
  const config = loadEvidenceEnv();
  // Refuse to start with a k below the minimum, before anything else happens.
  privacyThreshold(config.EVIDENCE_MIN_GROUP_SIZE);
  await migrateService(evidenceDataSource(config.DATABASE_URL));
  if (config.MIGRATE_ONLY) return;
  await bootstrapService(EvidenceAppModule.forRoot(config), {
    name: 'evidence',
    port: config.PORT,
    host: config.HOST,
  });
});
