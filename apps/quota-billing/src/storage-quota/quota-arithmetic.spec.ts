import {
  planCommit,
  planFree,
  planRelease,
  planReserve,
  QuotaState,
  remainingBytes,
  toUsage,
} from './quota-arithmetic';

const state = (over: Partial<QuotaState> = {}): QuotaState => ({
  limit: 1000,
  used: 0,
  reserved: 0,
  fileCount: 0,
  ...over,
});

describe('storage quota arithmetic', () => {
  it('remaining is limit minus used and reserved, floored at zero', () => {
    expect(remainingBytes(state({ used: 300, reserved: 200 }))).toBe(500);
    expect(remainingBytes(state({ limit: 100, used: 300 }))).toBe(0);
  });

  it('reserves up to exactly the limit and refuses one byte more', () => {
    expect(planReserve(state({ used: 400, reserved: 100 }), 500)).toEqual(state({ used: 400, reserved: 600 }));
    expect(planReserve(state({ used: 400, reserved: 100 }), 501)).toBe('exceeded');
  });

  it('a zero-byte reservation fits a full quota but not an over-full one', () => {
    expect(planReserve(state({ used: 1000 }), 0)).toEqual(state({ used: 1000 }));
    expect(planReserve(state({ limit: 10, used: 11 }), 0)).toBe('exceeded');
  });

  it('commit returns the reservation and charges the stored size of a new object', () => {
    const next = planCommit(state({ used: 100, reserved: 600 }), {
      reservedForUpload: 550,
      replacedSize: null,
      size: 500,
    });
    expect(next).toEqual(state({ used: 600, reserved: 50, fileCount: 1 }));
  });

  it('commit over an existing key charges only the difference and keeps the file count', () => {
    const next = planCommit(state({ used: 700, reserved: 300, fileCount: 2 }), {
      reservedForUpload: 300,
      replacedSize: 200,
      size: 250,
    });
    expect(next).toEqual(state({ used: 750, reserved: 0, fileCount: 2 }));
  });

  it('commit after the reservation lapsed admits the bytes only if they still fit', () => {
    expect(planCommit(state({ used: 500 }), { reservedForUpload: null, replacedSize: null, size: 500 })).toEqual(
      state({ used: 1000, fileCount: 1 }),
    );
    expect(planCommit(state({ used: 500 }), { reservedForUpload: null, replacedSize: null, size: 501 })).toBe(
      'exceeded',
    );
  });

  it('commit of a smaller replacement is admitted even over a lowered limit', () => {
    expect(
      planCommit(state({ limit: 100, used: 500, fileCount: 1 }), {
        reservedForUpload: null,
        replacedSize: 500,
        size: 10,
      }),
    ).toEqual(state({ limit: 100, used: 10, fileCount: 1 }));
  });

  it('release and free never go negative', () => {
    expect(planRelease(state({ reserved: 100 }), 40)).toEqual(state({ reserved: 60 }));
    expect(planRelease(state({ reserved: 10 }), 40)).toEqual(state({ reserved: 0 }));
    expect(planFree(state({ used: 300, fileCount: 2 }), 100)).toEqual(state({ used: 200, fileCount: 1 }));
    expect(planFree(state({ used: 300, fileCount: 2 }), null)).toEqual(state({ used: 300, fileCount: 2 }));
  });

  it('usage reports exceeded when nothing more fits', () => {
    expect(toUsage(state({ used: 250, reserved: 50, fileCount: 3 }), true)).toEqual({
      quota_limit_bytes: 1000,
      used_bytes: 250,
      reserved_bytes: 50,
      remaining_bytes: 700,
      file_count: 3,
      status: 'active',
      default_limit: true,
    });
    expect(toUsage(state({ used: 1000 }), false).status).toBe('exceeded');
  });
});
