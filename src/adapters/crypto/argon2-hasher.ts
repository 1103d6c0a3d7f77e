/** Password hashing with argon2id (memory-hard), parameters as OWASP recommends for interactive sign-in. */
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../services/ports.js';

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function argon2Hasher(): PasswordHasher {
  return {
    hash: (password) => hash(password, OPTIONS),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
  };
}
