import { DomainError } from '@mp/contracts';
import { mergeMetadata, nextUpdatedAt } from './metadata-merge';

describe('mergeMetadata', () => {
  it('merges top-level keys over the stored ones', () => {
    const stored = { project: 'avatar-gen', tags: ['portrait', 'input'], note: 'keep' };
    expect(mergeMetadata(stored, { tags: ['portrait', 'approved'], status: 'reviewed' })).toEqual({
      project: 'avatar-gen',
      tags: ['portrait', 'approved'],
      note: 'keep',
      status: 'reviewed',
    });
    expect(stored.tags).toEqual(['portrait', 'input']);
  });

  it('removes keys set to null', () => {
    expect(mergeMetadata({ project: 'x', legal_hold: true }, { legal_hold: null })).toEqual({ project: 'x' });
  });

  it('refuses a merge whose result exceeds 10 KB', () => {
    const stored = { a: 'x'.repeat(6000) };
    const attempt = () => mergeMetadata(stored, { b: 'y'.repeat(5000) });
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(/^metadata: the merged metadata would be \d+ bytes/);
    try {
      attempt();
    } catch (err) {
      expect((err as DomainError).code).toBe('MetadataTooLarge');
    }
    expect(mergeMetadata(stored, { a: null, b: 'y'.repeat(5000) })).toEqual({ b: 'y'.repeat(5000) });
  });
});

describe('nextUpdatedAt', () => {
  it('is now when the clock moved on, else one millisecond after the previous update', () => {
    const previous = new Date('2025-12-14T12:00:00.000Z');
    expect(nextUpdatedAt(previous, new Date('2025-12-14T12:00:01.000Z')).toISOString()).toBe(
      '2025-12-14T12:00:01.000Z',
    );
    expect(nextUpdatedAt(previous, previous).toISOString()).toBe('2025-12-14T12:00:00.001Z');
    expect(nextUpdatedAt(previous, new Date('2025-12-14T11:00:00.000Z')).toISOString()).toBe(
      '2025-12-14T12:00:00.001Z',
    );
  });
});
