// Where Lattice may POST a webhook: http(s), and in production only public addresses (the SSRF
// check is shared: @lattice/shared-util-network).
import { checkPublicUrl, type Resolver, type UrlVerdict } from '@lattice/shared-util-network';

export function checkWebhookUrl(
  raw: string,
  options: { production: boolean; resolve?: Resolver },
): Promise<UrlVerdict> {
  return checkPublicUrl(raw, { ...options, protocols: ['https:', 'http:'] });
}
