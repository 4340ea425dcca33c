import { z } from 'zod';
import { callbackIdOf, deliveryIdFor, operationCallbackBody, uploadCallbackBody } from './callback-bodies';

describe('callback bodies', () => {
  it('echoes the id query parameter', () => {
    expect(callbackIdOf('http://example.com/cb?id=100')).toBe('100');
    expect(callbackIdOf('http://example.com/cb')).toBe('');
  });
  it('makes stable, valid delivery ids', () => {
    const a = deliveryIdFor('q1', 'D');
    expect(z.uuid().safeParse(a).success).toBe(true);
    expect(deliveryIdFor('q1', 'D')).toBe(a);
    expect(deliveryIdFor('q1', 'F')).not.toBe(a);
  });
  it('builds the seed upload callback headers', () => {
    const ok = {
      id: 'x',
      name: 'a.jpg',
      path: '/a.jpg',
      url: 'u',
      width: 1,
      height: 1,
      sizeByte: 1,
      overwritten: false,
      updatedAt: 't',
    };
    const bad = {
      name: 'b.jpg',
      path: '/b.jpg',
      sizeByte: 1,
      resultCode: 20010,
      resultMessage: 'There is same file name.',
    };
    expect(uploadCallbackBody('http://h/cb?id=100', [ok], [bad]).header).toEqual({
      resultMessage: 'Partial Success',
      resultCode: 1,
      isSuccessful: false,
    });
    expect(uploadCallbackBody('http://h/cb', [ok], []).header).toEqual({
      resultMessage: 'Success',
      resultCode: 0,
      isSuccessful: true,
    });
    expect(uploadCallbackBody('http://h/cb', [], [bad]).header.isSuccessful).toBe(false);
  });
  it('builds the seed operation callbacks', () => {
    const source = { url: 'u', name: 'left.png', path: '/left.png' };
    expect(
      operationCallbackBody({ url: 'http://h/?id=100', operationId: 'op', overwritten: false, source, failed: true }),
    ).toEqual({
      header: { isSuccessful: false, resultCode: 500201, resultMessage: 'Operation fail. ' },
      id: '100',
      overwritten: false,
      operationId: 'op',
      sourceFile: source,
    });
    expect(
      operationCallbackBody({
        url: 'http://h/',
        operationId: 'op',
        overwritten: true,
        source,
        results: [source],
        failed: false,
      }).resultFiles,
    ).toHaveLength(1);
  });
});
