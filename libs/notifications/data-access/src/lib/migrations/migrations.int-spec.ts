import { describeMigrations, testDatabaseUrl } from '@lattice/shared-testing';
import { notificationsDataSource } from '../data-source';

describeMigrations('notifications', notificationsDataSource, testDatabaseUrl('int'));
