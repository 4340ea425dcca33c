import { realtimeCandidates } from './realtime-name';

describe('realtimeCandidates', () => {
  it('reads name_operationId.ext', () => {
    expect(realtimeCandidates('sample_100x100.png')).toEqual([
      { sourceBase: 'sample', operationId: '100x100', suffix: '', extension: 'png' },
    ]);
  });

  it('tries every underscore, since names and operation ids may contain one', () => {
    expect(realtimeCandidates('my_photo_thumb_s.jpg').map((c) => [c.sourceBase, c.operationId])).toEqual([
      ['my', 'photo_thumb_s'],
      ['my_photo', 'thumb_s'],
      ['my_photo_thumb', 's'],
    ]);
  });

  it('reads slice and grid pieces', () => {
    expect(realtimeCandidates('vertical_slice-v_0001.png')).toContainEqual({
      sourceBase: 'vertical',
      operationId: 'slice-v',
      suffix: '_0001',
      extension: 'png',
    });
  });

  it('has no reading without an extension, an underscore or a valid operation id', () => {
    expect(realtimeCandidates('sample_100x100')).toEqual([]);
    expect(realtimeCandidates('sample.png')).toEqual([]);
    expect(realtimeCandidates('_x.png')).toEqual([]);
    expect(realtimeCandidates('a_b.c.png').map((c) => c.operationId)).toEqual([]);
  });
});
