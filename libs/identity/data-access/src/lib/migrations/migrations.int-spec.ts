import { describeMigrations, testDatabaseUrl } from '@lattice/shared-testing';
import { identityDataSource } from '../data-source';

describeMigrations('identity', identityDataSource, testDatabaseUrl('int'));
