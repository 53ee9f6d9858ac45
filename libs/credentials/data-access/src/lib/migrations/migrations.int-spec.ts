import { describeMigrations, testDatabaseUrl } from '@lattice/shared-testing';
import { credentialsDataSource } from '../data-source';

describeMigrations('credentials', credentialsDataSource, testDatabaseUrl('int'));
