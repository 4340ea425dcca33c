import { DomainError } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import {
  buildZip,
  buildZipWithRawNames,
  createTestInfra,
  entryDataOffset,
  TestInfra,
  testObjectStorage,
  ZipWriterEntry,
} from '@mp/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import pino from 'pino';
import { ImageOpsConfig } from '../src/app.config';
import { newUploadKey } from '../src/storage/image-object-keys';
import { readObject } from '../src/storage/read-object';
import { ZipExpander } from '../src/uploads/zip-expander';

const CONFIG = {
  IMAGE_MAX_FILE_BYTES: 64 * 1024,
  IMAGE_ZIP_MAX_ENTRIES: 10,
  IMAGE_ZIP_MAX_TOTAL_BYTES: 200 * 1024,
  IMAGE_ZIP_MAX_RATIO: 50,
} as ImageOpsConfig;

let infra: TestInfra;
let storage: ObjectStorage;
let expander: ZipExpander;
const scope = { team_id: randomUUID(), app_key: 'zips' };

beforeAll(async () => {
  infra = await createTestInfra({ s3: true });
  storage = testObjectStorage(infra.env);
  expander = new ZipExpander(storage, CONFIG, pino({ level: 'silent' }));
});

afterAll(async () => {
  storage?.destroy();
  await infra?.dispose();
});

/** Expands `zip` stored at an upload key as `/in/pack.zip`; the archive is always gone afterwards. */
async function expand(zip: Buffer) {
  const key = newUploadKey(scope);
  await storage.put({ key, body: zip, contentType: 'application/zip' });
  const result = await expander.expand(scope, { staging_key: key, path: '/in/pack.zip', bytes: zip.length });
  expect(await storage.head(key)).toBeNull();
  return {
    files: await Promise.all(
      result.files.map(async (f) => [f.path, (await readObject(storage, f.staging_key, 1 << 20)).toString()]),
    ),
    errors: result.errors.map((e) => [e.path, e.error.resultCode, e.error.resultMessage]),
  };
}

const text = (name: string, data: string, store = false): ZipWriterEntry => ({ name, data: Buffer.from(data), store });

describe('ZipExpander', () => {
  it('stores every file entry under the archive’s folder, skipping directories and macOS resource forks', async () => {
    const zip = await buildZip([
      text('a.png', 'first image bytes'),
      { name: 'sub/', data: Buffer.alloc(0) },
      text('sub/b.png', 'second', true),
      text('__MACOSX/._a.png', 'fork'),
    ]);
    expect(await expand(zip)).toEqual({
      files: [
        ['/in/a.png', 'first image bytes'],
        ['/in/sub/b.png', 'second'],
      ],
      errors: [],
    });
  });

  it('refuses one corrupt entry and keeps the others', async () => {
    const zip = await buildZip([text('good.png', 'fine', true), text('bad.png', 'garbled', true)]);
    zip[entryDataOffset(zip, 'bad.png')] ^= 0xff; // a stored byte changed: only the CRC tells
    const { files, errors } = await expand(zip);
    expect(files).toEqual([['/in/good.png', 'fine']]);
    expect(errors).toEqual([['/in/bad.png', 20022, '"bad.png" is corrupt (CRC mismatch)']]);
  });

  it.each(['../evil.png', '/etc/passwd', 'a/../../b.png', 'a\\b.png', 'C:/x.png', './a.png', 'a//b.png'])(
    'refuses the whole archive for the unsafe name %s',
    async (name) => {
      const { files, errors } = await expand(await buildZipWithRawNames([text('ok.png', 'x'), text(name, 'y')]));
      expect(files).toEqual([]);
      expect(errors).toEqual([['/in/pack.zip', 20022, expect.stringContaining('unsafe path')]]);
    },
  );

  it('refuses archives beyond the limits before storing anything', async () => {
    const many = Array.from({ length: 11 }, (_, i) => text(`${i}.png`, 'x'));
    const refusal = async (entries: ZipWriterEntry[]) => {
      const { files, errors } = await expand(await buildZip(entries));
      expect(files).toEqual([]);
      return errors[0]?.[2];
    };
    expect(await refusal(many)).toContain('11 entries');
    // Small entries' ratios are checked too (the files app checks only from 64 KiB on).
    expect(await refusal([{ name: 'bomb.png', data: Buffer.alloc(20_000) }])).toMatch(/compression ratio/);
    expect(await refusal([{ name: 'big.png', data: Buffer.alloc(65 * 1024, 1) }])).toContain('per file');
    // Each byte "a" or "b" at random: about 8:1, so four of these fit the archive cap and pass the ratio check.
    const letters = () => Buffer.from(Array.from(randomBytes(60 * 1024), (b) => (b & 1 ? 0x61 : 0x62)));
    const four = [1, 2, 3, 4].map((i) => ({ name: `${i}.png`, data: letters() }));
    expect(await refusal(four)).toContain('uncompresses to more than');
    expect(await (await expand(Buffer.from('definitely not a zip archive at all'))).errors).toEqual([
      ['/in/pack.zip', 20022, expect.stringContaining('not a ZIP archive')],
    ]);
  });

  it('refuses an archive larger than an upload may be as a whole, like any upload', async () => {
    const key = newUploadKey(scope);
    await storage.put({ key, body: Buffer.alloc(65 * 1024), contentType: 'application/zip' });
    const err = await expander
      .expand(scope, { staging_key: key, path: '/in/huge.zip', bytes: 65 * 1024 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('PayloadTooLarge');
    expect(await storage.head(key)).toBeNull();
  });
});
