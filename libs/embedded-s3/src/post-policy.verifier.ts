import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a browser-form (POST Object) upload is refused, as S3 would word it. */
export interface PostPolicyRejection {
  status: number;
  code: string;
  message: string;
}

export interface PostPolicyRequest {
  /** Form fields before `file`, names lower-cased. */
  fields: ReadonlyMap<string, string>;
  /** The bucket in the request path. */
  bucket: string;
  now: Date;
  secretFor(accessKeyId: string): string | undefined;
}

type Condition = { field: string; op: 'eq' | 'starts-with'; value: string };

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** Fields S3 never matches against conditions. */
const UNCONDITIONED = new Set(['policy', 'x-amz-signature', 'file']);

/**
 * Checks a SigV4 POST policy the way S3 does: the signature over the policy with the key the
 * credential names, the expiration, the `eq`/`starts-with` conditions on form fields, and that no
 * field goes unconditioned ("Extra input fields": a form cannot add a redirect, headers or metadata
 * its policy does not allow).
 * `content-length-range` is not enforced (the file has not been read yet): the platform checks
 * sizes after upload. Returns null when the upload may proceed.
 */
export function verifyPostPolicy(request: PostPolicyRequest): PostPolicyRejection | null {
  const field = (name: string) => request.fields.get(name);
  const policy = field('policy');
  const signature = field('x-amz-signature');
  const credential = field('x-amz-credential');
  const amzDate = field('x-amz-date');
  if (field('x-amz-algorithm') !== ALGORITHM || !policy || !signature || !credential || !amzDate) {
    return denied(
      'AccessDenied',
      `Bucket POST must be signed with ${ALGORITHM}: policy, x-amz-credential, x-amz-date and x-amz-signature are required`,
    );
  }
  const [accessKeyId, date, region, service, terminator, ...rest] = credential.split('/');
  if (rest.length || service !== 's3' || terminator !== 'aws4_request' || !region || date !== amzDate.slice(0, 8)) {
    return denied('AccessDenied', 'Invalid x-amz-credential');
  }
  const secret = request.secretFor(accessKeyId);
  if (secret === undefined)
    return denied('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  if (!sameHex(signature, signPolicy(policy, { secret, date, region }))) {
    return denied(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );
  }
  const document = parsePolicy(policy);
  if (!document) return { status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Invalid JSON.' };
  if (!(request.now.getTime() <= document.expiration))
    return denied('AccessDenied', 'Invalid according to Policy: Policy expired.');
  const value = (name: string) => (name === 'bucket' ? request.bucket : (request.fields.get(name) ?? ''));
  const conditioned = new Set(document.conditions.map((c) => c.field));
  const extra = [...request.fields.keys()].find(
    (name) => !UNCONDITIONED.has(name) && !name.startsWith('x-ignore-') && !conditioned.has(name),
  );
  if (extra !== undefined)
    return denied('AccessDenied', `Invalid according to Policy: Extra input fields: ${extra.slice(0, 128)}`);
  const failed = document.conditions.find(
    (c) =>
      !UNCONDITIONED.has(c.field) && !(c.op === 'eq' ? value(c.field) === c.value : value(c.field).startsWith(c.value)),
  );
  return failed
    ? denied(
        'AccessDenied',
        `Invalid according to Policy: Policy Condition failed: ["${failed.op}", "$${failed.field}", "${failed.value}"]`,
      )
    : null;
}

/** The SigV4 signature of a base64 policy document (hex). */
export function signPolicy(policy: string, scope: { secret: string; date: string; region: string }): string {
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
  const signingKey = [scope.date, scope.region, 's3', 'aws4_request'].reduce<Buffer | string>(
    (key, part) => hmac(key, part),
    `AWS4${scope.secret}`,
  );
  return createHmac('sha256', signingKey).update(policy, 'utf8').digest('hex');
}

function parsePolicy(policy: string): { expiration: number; conditions: Condition[] } | null {
  let document: unknown;
  try {
    document = JSON.parse(Buffer.from(policy, 'base64').toString('utf8'));
  } catch {
    return null;
  }
  const { expiration, conditions } = (document ?? {}) as { expiration?: unknown; conditions?: unknown };
  const expiresAt = typeof expiration === 'string' ? Date.parse(expiration) : NaN;
  if (Number.isNaN(expiresAt) || !Array.isArray(conditions)) return null;
  const parsed: Condition[] = [];
  for (const condition of conditions) {
    if (Array.isArray(condition)) {
      const [op, name, value] = condition as unknown[];
      const operator = typeof op === 'string' ? op.toLowerCase() : undefined;
      if (operator === 'content-length-range') continue;
      if (
        (operator !== 'eq' && operator !== 'starts-with') ||
        typeof name !== 'string' ||
        !name.startsWith('$') ||
        typeof value !== 'string'
      )
        return null;
      parsed.push({ field: name.slice(1).toLowerCase(), op: operator, value });
    } else if (typeof condition === 'object' && condition !== null) {
      for (const [name, value] of Object.entries(condition)) {
        if (typeof value !== 'string') return null;
        parsed.push({ field: name.toLowerCase(), op: 'eq', value });
      }
    } else {
      return null;
    }
  }
  return { expiration: expiresAt, conditions: parsed };
}

function sameHex(provided: string, expected: string): boolean {
  const a = Buffer.from(provided.toLowerCase());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function denied(code: string, message: string): PostPolicyRejection {
  return { status: 403, code, message };
}
