import { randomBytes } from 'node:crypto';
import { parseSecretKey, SecretBox } from './secret-box';

describe('SecretBox', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const box = new SecretBox(key);
    const sealed = box.seal('whsec_abc123');
    expect(sealed).not.toContain('whsec_abc123');
    expect(box.open(sealed)).toBe('whsec_abc123');
    expect(box.seal('whsec_abc123')).not.toBe(sealed);
  });

  it('refuses a tampered ciphertext or the wrong key', () => {
    const sealed = new SecretBox(key).seal('secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other!').toString('base64url');
    expect(() => new SecretBox(key).open(parts.join('.'))).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
  });

  it('reads a key as hex or base64 and refuses other lengths', () => {
    expect(parseSecretKey(key.toString('hex'))).toEqual(key);
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(() => parseSecretKey('short')).toThrow(/32 bytes/);
  });
});
