// Bull Board on the worker's HTTP server, for operators only: a bearer token verified with the
// same public key as every service, from an OWNER or ADMIN of an OPERATOR organization.
import type { Express, NextFunction, Request, Response } from 'express';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import { type Authorizer, bearerToken, type TokenVerifier } from '@lattice/shared-auth';
import { isAppError } from '@lattice/shared-util-errors';

export const DASHBOARD_PATH = '/admin/queues';

/** Express middleware: 401 without a valid token, 403 for anyone but an operator. */
export function operatorOnly(verifier: TokenVerifier, authorizer: Authorizer) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const token = bearerToken({ headers: request.headers });
    if (!token) {
      response.status(401).setHeader('www-authenticate', 'Bearer').json({ error: 'UNAUTHENTICATED' });
      return;
    }
    verifier
      .verify(token)
      .then((principal) => authorizer.requireOperator(principal))
      .then(() => next())
      .catch((error: unknown) => {
        const code = isAppError(error) && error.category === 'FORBIDDEN' ? 403 : 401;
        response.status(code).json({ error: code === 403 ? 'FORBIDDEN' : 'UNAUTHENTICATED' });
      });
  };
}

export function mountQueueDashboard(
  app: Express,
  queues: readonly Queue[],
  verifier: TokenVerifier,
  authorizer: Authorizer,
): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: false })),
    serverAdapter: serverAdapter as never,
  });
  app.use(DASHBOARD_PATH, operatorOnly(verifier, authorizer), serverAdapter.getRouter() as never);
}
