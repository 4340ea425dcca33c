import { parentDirectories } from './directory-prune.guard';

describe('parentDirectories', () => {
  it('lists the directories of a key deepest first', () => {
    expect(parentDirectories('a/b/c.jpg')).toEqual(['a/b', 'a']);
  });

  it('has none for a key at the bucket root', () => {
    expect(parentDirectories('c.jpg')).toEqual([]);
  });

  it('names a directory once however the key spells it', () => {
    expect(parentDirectories('/a//./b/c.jpg')).toEqual(['a/b', 'a']);
  });
});
