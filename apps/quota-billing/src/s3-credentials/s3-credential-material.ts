import { randomBytes } from 'node:crypto';
import { randomBase62, RandomSource } from '../api-keys/api-key-secrets';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Secret access keys are 40 characters, like AWS's: about 238 bits of base62. */
const SECRET_LENGTH = 40;

/** A fresh SigV4 key pair: `AKKS` + 16 base32 characters (80 bits, 256 % 32 = 0: unbiased) and a 40-character secret. */
export function generateS3Credentials(random: RandomSource = randomBytes): {
  accessKeyId: string;
  secretAccessKey: string;
} {
  const id = [...random(16)].map((byte) => BASE32[byte % 32]).join('');
  return { accessKeyId: `AKKS${id}`, secretAccessKey: randomBase62(SECRET_LENGTH, random) };
}
