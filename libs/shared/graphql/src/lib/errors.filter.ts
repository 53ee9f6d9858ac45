// Resolver errors go straight to GraphQL's formatter (format-error.ts), which maps and logs them
// once. Nest's default handler would log every expected domain error as a crash.
import { type ArgumentsHost, Catch, type ExceptionFilter, Module } from '@nestjs/common';
import { APP_FILTER, BaseExceptionFilter, HttpAdapterHost } from '@nestjs/core';

@Catch()
export class GraphQLErrorPassThroughFilter implements ExceptionFilter {
  private readonly http: BaseExceptionFilter;

  constructor(adapterHost: HttpAdapterHost) {
    this.http = new BaseExceptionFilter(adapterHost.httpAdapter);
  }

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    return this.http.catch(exception, host);
  }
}

@Module({ providers: [{ provide: APP_FILTER, useClass: GraphQLErrorPassThroughFilter }] })
export class GraphQLErrorsModule {}
