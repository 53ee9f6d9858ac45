// Prints the secrets docker compose needs as .env lines: the Ed25519 token key pair and the
// encryption keys for issuers' signing keys, webhook secrets and invitation links.
import { generateKeyPairSync, randomBytes } from 'node:crypto';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const line = (name, pem) => `${name}="${pem.toString().trim().replace(/\n/g, '\\n')}"`;
console.log(line('JWT_PRIVATE_KEY', privateKey.export({ type: 'pkcs8', format: 'pem' })));
console.log(line('JWT_PUBLIC_KEY', publicKey.export({ type: 'spki', format: 'pem' })));
// Seals issuers' signing keys at rest (credentials) and webhook secrets (notifications, worker).
console.log(`ISSUER_KEY_ENCRYPTION_KEY=${randomBytes(32).toString('base64')}`);
console.log(`WEBHOOK_SECRET_KEY=${randomBytes(32).toString('hex')}`);
// Seals invitation links in identity's events; the worker opens them to e-mail the invitee.
console.log(`INVITATION_LINK_KEY=${randomBytes(32).toString('hex')}`);
// Evidence: learner lookups and self-identification at rest (the evidence service and the worker).
console.log(`EVIDENCE_KEY=${randomBytes(32).toString('hex')}`);
