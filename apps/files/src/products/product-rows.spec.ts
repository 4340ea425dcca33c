import { productRows } from './product-rows';
import { ZipRefused } from '@mp/storage';

describe('productRows', () => {
  it('maps sku, name and the other columns as attributes', () => {
    expect(
      productRows([
        ['SKU', 'Name', 'color', 'price'],
        ['A1', 'Shirt', 'red', '9.90'],
      ]),
    ).toEqual([{ key: 'A1', row: 2, sku: 'A1', name: 'Shirt', attributes: { color: 'red', price: '9.90' } }]);
  });

  it('marks bad rows with a reason and a unique key', () => {
    const rows = productRows([['sku', 'name'], ['A1', 'x'], ['A1', 'y'], ['', 'z'], ['B/2', 'w'], ['C3']]);
    expect(rows.map((r) => [r.key, r.error])).toEqual([
      ['A1', undefined],
      ['A1#row3', 'duplicate sku "A1" (an earlier row has it)'],
      ['row#row4', 'empty sku'],
      ['B/2', 'invalid sku "B/2" (letters, digits, ".", "_", "-", space; at most 100)'],
      ['C3', 'row has 1 fields; the header has 2'],
    ]);
  });

  it('refuses a CSV without a sku column', () => {
    expect(() => productRows([['name'], ['x']])).toThrow(ZipRefused);
  });
});
