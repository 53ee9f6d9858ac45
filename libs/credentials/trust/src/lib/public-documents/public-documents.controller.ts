// The account-free HTTP documents (the gateway passes them through on the public origin): signed
// credentials (or their page), issuer profiles with keys, status lists, and verification.
import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { IssuerTrust } from '../shared/issuer-trust';
import { VerifyCredentialUseCase } from '../verify-credential/verify-credential.use-case';
import { renderAwardPage } from './award-page';

const LD_JSON = 'application/ld+json; charset=utf-8';

@Controller()
export class PublicDocumentsController {
  constructor(
    private readonly trust: IssuerTrust,
    private readonly verify: VerifyCredentialUseCase,
  ) {}

  @Get('credentials/:awardId')
  async credential(
    @Param('awardId') awardId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const award = await this.trust.award(awardId);
    if (!award) throw new NotFoundException('No such credential.');
    response.setHeader('vary', 'Accept');
    if (request.accepts(['application/ld+json', 'application/json', 'text/html']) === 'text/html') {
      response
        .status(200)
        .type('text/html; charset=utf-8')
        .send(
          renderAwardPage({
            credential: award.signedCredential,
            status: award.status,
            publicUrl: this.trust.awardUrl(award.id),
            awardId: award.id,
            endorserSectors: await this.trust.endorserSectors(award.signedCredential),
          }),
        );
      return;
    }
    response.status(200).setHeader('content-type', LD_JSON);
    response.send(JSON.stringify(award.signedCredential));
  }

  @Get('issuers/:orgId')
  async issuer(@Param('orgId') orgId: string, @Res() response: Response): Promise<void> {
    const profile = await this.trust.profile(orgId);
    if (!profile) throw new NotFoundException('No such issuer.');
    response.status(200).setHeader('content-type', LD_JSON);
    response.send(JSON.stringify(profile));
  }

  @Get('status-lists/:id')
  async statusList(
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const list = await this.trust.statusList(id);
    if (!list) throw new NotFoundException('No such status list.');
    const etag = `"${list.id}-${list.version}"`;
    response.setHeader('etag', etag);
    // Verifiers may cache briefly but must revalidate: a revocation shows within a minute.
    response.setHeader('cache-control', 'public, max-age=60, must-revalidate');
    const ifNoneMatch = request.headers['if-none-match'];
    if (
      typeof ifNoneMatch === 'string' &&
      ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
    ) {
      response.status(304).end();
      return;
    }
    response.status(200).setHeader('content-type', LD_JSON);
    response.send(JSON.stringify(list.signedCredential));
  }

  @Post('verify')
  @HttpCode(200)
  verifyCredential(@Body() credential: unknown) {
    return this.verify.execute(credential);
  }
}
