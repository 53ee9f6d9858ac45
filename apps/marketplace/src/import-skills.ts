// `node <dist>/apps/marketplace/src/import-skills.js <folder>`: imports (or re-imports) an ESCO CSV
// export — any of the official layouts, including the full skills_en.csv — plus Skills for
// Success. Idempotent. Reads DATABASE_URL.
import 'reflect-metadata';
import { resolve } from 'node:path';
import { openDataSource } from '@lattice/shared-data-access';
import { marketplaceDataSource } from '@lattice/marketplace-data-access';
import { ImportSkillTaxonomyUseCase } from '@lattice/marketplace-feature';
import { env, loadEnv } from '@lattice/shared-util-config';

async function main(): Promise<void> {
  const { DATABASE_URL } = loadEnv({ DATABASE_URL: env.url(['postgres', 'postgresql']) });
  const folder = resolve(process.argv[2] ?? 'data/esco');
  const dataSource = await openDataSource(marketplaceDataSource(DATABASE_URL, 2));
  try {
    const result = await new ImportSkillTaxonomyUseCase(dataSource).execute(folder);
    console.log(
      `imported ${result?.skills ?? 0} skills (${result?.broader ?? 0} broader links, ${result?.groups ?? 0} group links) from ${folder}`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
