import { MEDIA_MAX_FILE_SIZE } from '@mp/contracts';
import { uploadExpirySeconds } from './upload-expiry';

describe('uploadExpirySeconds', () => {
  it('is 15 minutes without a size', () => {
    expect(uploadExpirySeconds(undefined)).toBe(900);
    expect(uploadExpirySeconds(null)).toBe(900);
    expect(uploadExpirySeconds(0)).toBe(900);
  });

  it('adds 30 s per started MiB', () => {
    expect(uploadExpirySeconds(1)).toBe(930);
    expect(uploadExpirySeconds(1024 * 1024)).toBe(930);
    expect(uploadExpirySeconds(1024 * 1024 + 1)).toBe(960);
    expect(uploadExpirySeconds(10 * 1024 * 1024)).toBe(1200);
    expect(uploadExpirySeconds(MEDIA_MAX_FILE_SIZE)).toBe(2400);
  });

  it('grows with the size and never exceeds an hour', () => {
    let previous = 0;
    for (let size = 0; size <= 200 * 1024 * 1024; size += 3 * 1024 * 1024) {
      const value = uploadExpirySeconds(size);
      expect(value).toBeGreaterThanOrEqual(previous);
      expect(value).toBeLessThanOrEqual(3600);
      previous = value;
    }
    expect(uploadExpirySeconds(500 * 1024 * 1024)).toBe(3600);
  });
});
