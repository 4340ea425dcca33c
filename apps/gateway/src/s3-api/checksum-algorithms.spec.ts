import { ChecksumAlgorithm, isChecksumAlgorithm, isWellFormedChecksum, runningChecksum } from './checksum-algorithms';

/** The catalogue check values (CRC RevEng: CRC-32/ISO-HDLC, CRC-32/ISCSI, CRC-64/NVME) of "123456789", in base64. */
const CHECK_INPUT = Buffer.from('123456789');
const CHECK_VALUES: Record<ChecksumAlgorithm, string> = {
  crc32: Buffer.from('cbf43926', 'hex').toString('base64'),
  crc32c: Buffer.from('e3069283', 'hex').toString('base64'),
  crc64nvme: Buffer.from('ae8b14860a799888', 'hex').toString('base64'),
  sha1: Buffer.from('f7c3bc1d808e04732adf679965ccc34ca7ae3441', 'hex').toString('base64'),
  sha256: Buffer.from('15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225', 'hex').toString('base64'),
};

const digest = async (algorithm: ChecksumAlgorithm, chunks: Buffer[]) => {
  const checksum = runningChecksum(algorithm);
  for (const chunk of chunks) checksum.update(chunk);
  return (await checksum.digest()).toString('base64');
};

describe('checksum algorithms', () => {
  it.each(Object.entries(CHECK_VALUES) as [ChecksumAlgorithm, string][])(
    '%s of "123456789" is the catalogue check value, whole or in pieces',
    async (algorithm, expected) => {
      expect(await digest(algorithm, [CHECK_INPUT])).toBe(expected);
      expect(
        await digest(algorithm, [CHECK_INPUT.subarray(0, 1), CHECK_INPUT.subarray(1, 7), CHECK_INPUT.subarray(7)]),
      ).toBe(expected);
      expect(isWellFormedChecksum(algorithm, expected)).toBe(true);
    },
  );

  it('CRC32C and CRC64NVME of an empty body, and of a long one split anywhere', async () => {
    expect(await digest('crc32c', [])).toBe('AAAAAA==');
    expect(await digest('crc64nvme', [])).toBe('AAAAAAAAAAA=');
    const long = Buffer.alloc(100_000, 0xab);
    const pieces = [long.subarray(0, 33_333), long.subarray(33_333)];
    expect(await digest('crc64nvme', pieces)).toBe(await digest('crc64nvme', [long]));
    expect(await digest('crc32c', pieces)).toBe(await digest('crc32c', [long]));
  });

  it('knows the five algorithms and the shape of their values', () => {
    expect(['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256'].every(isChecksumAlgorithm)).toBe(true);
    expect(isChecksumAlgorithm('md5')).toBe(false);
    expect(isChecksumAlgorithm('toString')).toBe(false);
    expect(isWellFormedChecksum('crc32c', 'AAAAAAAAAAA=')).toBe(false); // 8 bytes, a CRC64's length
    expect(isWellFormedChecksum('crc64nvme', 'AAAAAA==')).toBe(false);
    expect(isWellFormedChecksum('crc32', 'not base64!')).toBe(false);
    expect(isWellFormedChecksum('crc32', 'AAAAAA')).toBe(false); // unpadded
  });
});
