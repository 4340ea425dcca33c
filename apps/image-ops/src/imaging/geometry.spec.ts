import { gridRegions, placeBox, sliceRegions } from './geometry';

describe('placeBox', () => {
  const canvas = { width: 100, height: 80 };
  const box = { width: 20, height: 10 };
  it.each([
    ['NorthWest', 0, 0],
    ['North', 40, 0],
    ['NorthEast', 80, 0],
    ['West', 0, 35],
    ['Center', 40, 35],
    ['East', 80, 35],
    ['SouthWest', 0, 70],
    ['South', 40, 70],
    ['SouthEast', 80, 70],
  ] as const)('%s anchors the box at %i,%i', (gravity, left, top) => {
    expect(placeBox(canvas, box, gravity, 0, 0)).toEqual({ left, top, width: 20, height: 10 });
  });

  it('moves inwards from the anchored edge and clamps inside the canvas', () => {
    expect(placeBox(canvas, box, 'SouthEast', 5, 7)).toMatchObject({ left: 75, top: 63 });
    expect(placeBox(canvas, box, 'NorthWest', 5, 7)).toMatchObject({ left: 5, top: 7 });
    expect(placeBox(canvas, box, 'Center', -100, 100)).toMatchObject({ left: 0, top: 70 });
    expect(placeBox(canvas, { width: 500, height: 500 }, 'Center', 0, 0)).toEqual({
      left: 0,
      top: 0,
      width: 100,
      height: 80,
    });
  });
});

describe('sliceRegions', () => {
  it('cuts vertical strips of sliceSize rows, the last one shorter', () => {
    expect(sliceRegions({ width: 30, height: 25 }, 'vertical', 10)).toEqual([
      { left: 0, top: 0, width: 30, height: 10 },
      { left: 0, top: 10, width: 30, height: 10 },
      { left: 0, top: 20, width: 30, height: 5 },
    ]);
  });
  it('cuts horizontal strips of sliceSize columns', () => {
    expect(sliceRegions({ width: 20, height: 5 }, 'horizontal', 10).map((r) => r.left)).toEqual([0, 10]);
  });
});

describe('gridRegions', () => {
  it('makes countX × countY tiles when sizes divide evenly', () => {
    const tiles = gridRegions({ width: 40, height: 30 }, 4, 3);
    expect(tiles).toHaveLength(12);
    expect(tiles[5]).toEqual({ left: 10, top: 10, width: 10, height: 10 });
  });
  it('makes fewer tiles when sizes do not divide evenly', () => {
    expect(gridRegions({ width: 10, height: 10 }, 6, 1)).toHaveLength(5);
  });
});
