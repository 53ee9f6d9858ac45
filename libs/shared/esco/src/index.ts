export * from './lib/csv/parse-csv';
export * from './lib/csv/csv.errors';
export * from './lib/skill-id';
