// The catalogue's pages for people without JavaScript and for search engines (the gateway asks
// here and serves them at its origin): GET /catalogue-pages/:credentialId?lang=en|fr gives the
// head and body fragments of a credential's page (see catalogue-page.ts), and GET /sitemap.xml
// lists every catalogue page; GET /achievements/:credentialId/badge.svg draws its badge (badge-image.ts).
import { Controller, Get, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CatalogueRepository, PathwayRepository } from '@lattice/credentials-data-access';
import { isUuid } from '@lattice/shared-graphql';
import { IssuerTrust } from '../shared/issuer-trust';
import { renderBadgeImage } from './badge-image';
import { renderCataloguePage, renderSitemap, type CataloguePage, type PageLanguage } from './catalogue-page';

/** The sitemap protocol's limit per file. */
const SITEMAP_LIMIT = 50_000;

/** The page's language: ?lang=, else the first of en/fr the reader's Accept-Language names, else English. */
export function pageLanguage(lang: unknown, acceptLanguage: string | undefined): PageLanguage {
  if (lang === 'fr' || lang === 'en') return lang;
  const first = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.trim().slice(0, 2).toLowerCase())
    .find((code) => code === 'en' || code === 'fr');
  return first === 'fr' ? 'fr' : 'en';
}

@Controller()
export class CataloguePagesController {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly pathways: PathwayRepository,
    private readonly trust: IssuerTrust,
  ) {}

  @Get('catalogue-pages/:credentialId')
  async page(
    @Param('credentialId') credentialId: string,
    @Query('lang') lang: unknown,
    @Req() request: Request,
  ): Promise<CataloguePage> {
    if (!isUuid(credentialId)) throw new NotFoundException('No such credential.');
    const id = credentialId.toLowerCase();
    const entry = await this.catalogue.entry(id);
    if (!entry) throw new NotFoundException('No such credential.');
    const [pathways, recognitions] = await Promise.all([
      this.pathways.page({ credentialId: id }, 100, null),
      this.pathways.recognitionsOf(id),
    ]);
    const members = await this.pathways.membersOf(pathways.map((p) => p.id));
    const names = new Map(
      (
        await this.catalogue.organizationNames([
          ...new Set([...pathways.map((p) => p.ownerId), ...recognitions.map((r) => r.institutionId)]),
        ])
      ).map((row) => [row.id, row.name]),
    );
    return renderCataloguePage({
      entry,
      pathways: pathways.map((p) => ({
        ...p,
        members: members.filter((m) => m.pathwayId === p.id),
        ownerName: names.get(p.ownerId) ?? null,
      })),
      recognitions: recognitions.map((r) => ({ ...r, institutionName: names.get(r.institutionId) ?? null })),
      lang: pageLanguage(lang, request.headers['accept-language']),
      baseUrl: this.trust.baseUrl,
    });
  }

  @Get('achievements/:credentialId/badge.svg')
  async badge(@Param('credentialId') credentialId: string, @Res() response: Response): Promise<void> {
    if (!isUuid(credentialId)) throw new NotFoundException('No such credential.');
    const entry = await this.catalogue.entry(credentialId.toLowerCase());
    if (!entry) throw new NotFoundException('No such credential.');
    response
      .status(200)
      .type('image/svg+xml; charset=utf-8')
      .setHeader('cache-control', 'public, max-age=3600');
    response.send(renderBadgeImage({ title: entry.title, issuerName: entry.issuerName }));
  }

  @Get('sitemap.xml')
  async sitemap(@Res() response: Response): Promise<void> {
    const entries = await this.catalogue.sitemapEntries(SITEMAP_LIMIT - 1);
    response
      .status(200)
      .type('application/xml; charset=utf-8')
      .setHeader('cache-control', 'public, max-age=3600');
    response.send(renderSitemap(this.trust.baseUrl, entries));
  }
}
