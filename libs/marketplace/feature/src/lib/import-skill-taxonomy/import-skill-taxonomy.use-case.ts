// Imports ESCO (any mix of the official CSV layouts, including the full skills_en.csv) and
// Skills for Success. Idempotent: ids derive from URIs and rows are upserted.
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildSkillTaxonomy, readEscoDirectory } from '@lattice/marketplace-domain';
import { storeSkillTaxonomy, type TaxonomyImportResult } from '@lattice/marketplace-data-access';

@Injectable()
export class ImportSkillTaxonomyUseCase {
  private readonly logger = new Logger('skills-import');

  constructor(private readonly dataSource: DataSource) {}

  /** Imports the folder; with `onlyIfEmpty`, only when no ESCO skill is stored yet (first start). */
  async execute(
    directory: string,
    options: { onlyIfEmpty?: boolean } = {},
  ): Promise<TaxonomyImportResult | null> {
    const started = Date.now();
    const catalog = await readEscoDirectory(directory);
    const result = await storeSkillTaxonomy(this.dataSource, buildSkillTaxonomy(catalog), options);
    if (result)
      this.logger.log(
        `imported ${result.skills} skills, ${result.broader} broader links, ${result.groups} group links from ${directory} in ${Date.now() - started} ms`,
      );
    return result;
  }
}
