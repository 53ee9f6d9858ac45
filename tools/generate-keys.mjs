// Prints a fresh Ed25519 key pair for access tokens as .env lines (for docker compose).
import { generateKeyPairSync } from 'node:crypto';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const line = (name, pem) => `${name}="${pem.toString().trim().replace(/\n/g, '\\n')}"`;
console.log(line('JWT_PRIVATE_KEY', privateKey.export({ type: 'pkcs8', format: 'pem' })));
console.log(line('JWT_PUBLIC_KEY', publicKey.export({ type: 'spki', format: 'pem' })));
