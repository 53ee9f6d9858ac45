// Access tokens: EdDSA (Ed25519) JWTs. Identity alone holds the private key; every service
// verifies with the public key, pinning algorithm, issuer and audience, and checking expiry.
import {
  generateKeyPair,
  exportPKCS8,
  exportSPKI,
  importPKCS8,
  importSPKI,
  jwtVerify,
  SignJWT,
  type KeyLike,
} from 'jose';
import { CommonErrors } from '@lattice/shared-util-errors';
import type { OrgKind, Role } from '@lattice/shared-contracts';
import type { Principal, PrincipalMembership } from './principal';
import type { SessionRevocations } from './session-revocations';

export const TOKEN_ALGORITHM = 'EdDSA';

export interface TokenSettings {
  readonly issuer: string;
  readonly audience: string;
}

type MembershipClaim = [organizationId: string, role: Role, kind: OrgKind];

export class TokenVerifier {
  private key?: Promise<KeyLike>;

  constructor(
    private readonly publicKeyPem: string,
    private readonly settings: TokenSettings,
    /** When given, tokens issued before the person last signed out everywhere are refused. */
    private readonly revocations?: SessionRevocations,
  ) {}

  async verify(token: string): Promise<Principal> {
    this.key ??= importSPKI(this.publicKeyPem, TOKEN_ALGORITHM);
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        algorithms: [TOKEN_ALGORITHM],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const memberships = (payload['mbr'] as MembershipClaim[] | undefined) ?? [];
      if (!Array.isArray(memberships) || typeof payload['email'] !== 'string')
        throw new Error('malformed claims');
      if (this.revocations) {
        const issuedAtMs = typeof payload['iat_ms'] === 'number' ? payload['iat_ms'] : payload.iat! * 1000;
        if (issuedAtMs < (await this.revocations.validAfter(payload.sub!)))
          throw new Error('signed out everywhere since');
      }
      const apiKeyId = typeof payload['akid'] === 'string' ? payload['akid'] : undefined;
      return {
        userId: payload.sub!,
        email: payload['email'],
        emailVerified: payload['email_verified'] === true,
        ...(apiKeyId ? { apiKeyId } : {}),
        memberships: memberships.map(([organizationId, role, kind]) => ({ organizationId, role, kind })),
        token,
      };
    } catch {
      // One answer for expired, forged, malformed or foreign tokens: the client re-authenticates.
      throw CommonErrors.of(
        'UNAUTHENTICATED',
        'Your session is not valid or has expired. Please log in again.',
      );
    }
  }
}

export class TokenIssuer {
  private key?: Promise<KeyLike>;

  constructor(
    private readonly privateKeyPem: string,
    private readonly settings: TokenSettings & { readonly ttlSeconds: number },
  ) {}

  async issue(subject: {
    userId: string;
    email: string;
    emailVerified?: boolean;
    memberships: readonly PrincipalMembership[];
    /** For an organization's API key: its id (also the subject); the token then lives `ttlSeconds` given here. */
    apiKeyId?: string;
    ttlSeconds?: number;
  }): Promise<string> {
    this.key ??= importPKCS8(this.privateKeyPem, TOKEN_ALGORITHM);
    return new SignJWT({
      ...(subject.apiKeyId ? { akid: subject.apiKeyId } : {}),
      email: subject.email,
      email_verified: subject.emailVerified === true,
      // Milliseconds, so a sign-out and the token issued right after it are told apart.
      iat_ms: Date.now(),
      mbr: subject.memberships.map((m): MembershipClaim => [m.organizationId, m.role, m.kind]),
    })
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT' })
      .setSubject(subject.userId)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt()
      .setExpirationTime(`${subject.ttlSeconds ?? this.settings.ttlSeconds}s`)
      .sign(await this.key);
  }
}

/** A fresh Ed25519 key pair as PEM, for development, tests and first start. */
export async function generateTokenKeys(): Promise<{ privateKeyPem: string; publicKeyPem: string }> {
  const { privateKey, publicKey } = await generateKeyPair(TOKEN_ALGORITHM, {
    crv: 'Ed25519',
    extractable: true,
  });
  return { privateKeyPem: await exportPKCS8(privateKey), publicKeyPem: await exportSPKI(publicKey) };
}
