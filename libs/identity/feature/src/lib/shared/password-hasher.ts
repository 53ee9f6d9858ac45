// Passwords are hashed with argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
import { hash, verify, Algorithm } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';

const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  /** A real hash to verify against when the user does not exist, so timing does not tell. */
  private decoy?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(hashed: string | null, password: string): Promise<boolean> {
    if (hashed === null) {
      this.decoy ??= this.hash('lattice-decoy-password');
      await verify(await this.decoy, password).catch(() => false);
      return false;
    }
    try {
      return await verify(hashed, password);
    } catch {
      return false;
    }
  }
}
