// Liveness (the process answers) and readiness (its dependencies answer) for every service.
import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Injectable,
  type DynamicModule,
  Module,
  Optional,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<{ ok: boolean; detail?: string; data?: Record<string, unknown> }>;
}
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

@Injectable()
export class DatabaseReadiness implements ReadinessCheck {
  readonly name = 'database';
  constructor(@Optional() private readonly dataSource?: DataSource) {}

  async check() {
    if (!this.dataSource?.isInitialized) return { ok: false, detail: 'not connected' };
    try {
      await this.dataSource.query('SELECT 1');
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: (error as Error).message.slice(0, 200) };
    }
  }
}

@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response) {
    const results = await Promise.all(
      this.checks.map(async (check) => {
        try {
          return { name: check.name, ...(await check.check()) };
        } catch (error) {
          return { name: check.name, ok: false, detail: (error as Error).message };
        }
      }),
    );
    const ok = results.every((result) => result.ok);
    response.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: results };
  }
}

@Module({})
export class HealthModule {
  /** `checks` are provider classes implementing ReadinessCheck, resolved from the app's module. */
  static register(checks: Array<new (...args: never[]) => ReadinessCheck>): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [
        ...checks,
        {
          provide: READINESS_CHECKS,
          useFactory: (...instances: ReadinessCheck[]) => instances,
          inject: checks,
        },
      ],
    };
  }
}
