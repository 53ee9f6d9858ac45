// The gateway exchanges an integrator's API key (`Authorization: Bearer lat_…`) here for a
// short-lived access token every subgraph accepts. The key itself is the credential; the gateway
// rate-limits per key and per address before it asks.
import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { ApiKeysUseCase } from './api-keys.use-case';

@Controller('internal')
export class InternalApiKeysController {
  constructor(private readonly apiKeys: ApiKeysUseCase) {}

  @Post('api-keys/exchange')
  @HttpCode(200)
  async exchange(@Body() body: unknown) {
    const key = typeof body === 'object' && body !== null ? (body as { key?: unknown }).key : undefined;
    if (typeof key !== 'string' || key.length > 200) throw new UnauthorizedException();
    try {
      return await this.apiKeys.exchange(key);
    } catch {
      throw new UnauthorizedException();
    }
  }
}
