import { describeMigrations, testDatabaseUrl } from '@lattice/shared-testing';
import { marketplaceDataSource } from '../data-source';

describeMigrations('marketplace', marketplaceDataSource, testDatabaseUrl('int'));
