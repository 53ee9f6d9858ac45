// The CTDL export over HTTP (the gateway passes /ctdl/* through on the public origin):
//   GET /ctdl/credentials/:credentialId — one published credential's CTDL JSON-LD (its @id);
//   GET /ctdl/credentials?limit=1..500&after=<id> — a page of them, `{ "@context", "@graph" }`,
//   with the next page in a `Link: <…>; rel="next"` header.
// Refusals are JSON `{ "error": { "code", "category", "message", "details" } }` with the HTTP
// status of the category (a retired credential: 410 Gone).
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { isAppError, type ErrorCategory } from '@lattice/shared-util-errors';
import { CTDL_CONTEXT, ctdlCredentialUrl } from '../public-documents/ctdl-credential';
import { IssuerTrust } from '../shared/issuer-trust';
import { ExportCtdlUseCase } from './export-ctdl.use-case';

const LD_JSON = 'application/ld+json; charset=utf-8';

const STATUS: Partial<Record<ErrorCategory, number>> = {
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  FAILED_PRECONDITION: 409,
};

@Controller('ctdl')
export class CtdlController {
  constructor(
    private readonly exportCtdl: ExportCtdlUseCase,
    private readonly trust: IssuerTrust,
  ) {}

  @Get('credentials')
  async page(
    @Query('limit') limit: unknown,
    @Query('after') after: unknown,
    @Res() response: Response,
  ): Promise<void> {
    await answer(response, async () => {
      const page = await this.exportCtdl.page(limit, after);
      if (page.nextAfter) {
        const next = new URL(`${this.trust.baseUrl}/ctdl/credentials`);
        if (limit !== undefined) next.searchParams.set('limit', String(limit));
        next.searchParams.set('after', page.nextAfter);
        response.setHeader('link', `<${next.toString()}>; rel="next"`);
      }
      // Each document keeps its own @context so it can be posted to a registry as it is.
      return {
        '@context': CTDL_CONTEXT,
        '@id': `${this.trust.baseUrl}/ctdl/credentials`,
        '@graph': page.documents,
      };
    });
  }

  @Get('credentials/:credentialId')
  async one(@Param('credentialId') credentialId: string, @Res() response: Response): Promise<void> {
    await answer(response, async () => {
      const document = await this.exportCtdl.one(credentialId);
      response.setHeader(
        'content-location',
        ctdlCredentialUrl(this.trust.baseUrl, credentialId.toLowerCase()),
      );
      return document;
    });
  }
}

async function answer(response: Response, produce: () => Promise<unknown>): Promise<void> {
  try {
    const body = await produce();
    response.status(200).setHeader('content-type', LD_JSON);
    response.setHeader('cache-control', 'public, max-age=300');
    response.send(JSON.stringify(body));
  } catch (error) {
    if (!isAppError(error)) throw error;
    const status = error.code === 'CREDENTIALS.CREDENTIAL_RETIRED' ? 410 : (STATUS[error.category] ?? 500);
    response
      .status(status)
      .type('application/json; charset=utf-8')
      .send(
        JSON.stringify({
          error: {
            code: error.code,
            category: error.category,
            message: error.message,
            details: error.details ?? {},
          },
        }),
      );
  }
}
