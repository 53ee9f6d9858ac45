import { describeMigrations, testDatabaseUrl } from '@lattice/shared-testing';
import { evidenceDataSource } from '../data-source';

describeMigrations('evidence', evidenceDataSource, testDatabaseUrl('int'));
