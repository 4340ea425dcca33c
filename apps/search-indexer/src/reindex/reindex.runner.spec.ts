import { FileDocument, FileRecordsPage } from '@mp/contracts';
import { IndexRebuild, SearchBackend } from '../search/search-backend';
import { reindexFromFiles } from './reindex.runner';

const doc = (file_id: string) => ({ file_id }) as FileDocument;

function fakes(pages: FileRecordsPage[], failOnWrite?: number) {
  const calls: string[] = [];
  const written: string[][] = [];
  const rebuild: IndexRebuild = {
    write: async (documents) => {
      if (written.length === failOnWrite) throw new Error('index unavailable');
      written.push(documents.map((d) => d.file_id));
    },
    finish: async () => (calls.push('finish'), { documents: written.flat().length }),
    abort: async () => void calls.push('abort'),
  };
  const backend = { startRebuild: async () => (calls.push('start'), rebuild) } as unknown as SearchBackend;
  const requests: { after?: string; limit: number }[] = [];
  const fetchPage = async (request: { after?: string; limit: number }) => (
    requests.push(request),
    pages[requests.length - 1]
  );
  return { backend, fetchPage, calls, written, requests };
}

describe('reindexFromFiles', () => {
  it('follows the cursor to the end, writes every page, then swaps the index in', async () => {
    const f = fakes([
      { files: [doc('a'), doc('b')], next: 'b' },
      { files: [doc('c')], next: 'c' },
      { files: [], next: null },
    ]);
    expect(await reindexFromFiles({ backend: f.backend, fetchPage: f.fetchPage, pageSize: 2 })).toEqual({
      pages: 3,
      read: 3,
      documents: 3,
    });
    expect(f.requests).toEqual([{ limit: 2 }, { after: 'b', limit: 2 }, { after: 'c', limit: 2 }]);
    expect(f.written).toEqual([['a', 'b'], ['c'], []]);
    expect(f.calls).toEqual(['start', 'finish']);
  });

  it('aborts the new index and rethrows when a write fails', async () => {
    const f = fakes(
      [
        { files: [doc('a')], next: 'a' },
        { files: [doc('b')], next: null },
      ],
      1,
    );
    await expect(reindexFromFiles({ backend: f.backend, fetchPage: f.fetchPage, pageSize: 1 })).rejects.toThrow(
      'index unavailable',
    );
    expect(f.calls).toEqual(['start', 'abort']);
  });

  it('aborts when the files service fails', async () => {
    const f = fakes([]);
    const fetchPage = async () => {
      throw new Error('Timeout');
    };
    await expect(reindexFromFiles({ backend: f.backend, fetchPage, pageSize: 10 })).rejects.toThrow('Timeout');
    expect(f.calls).toEqual(['start', 'abort']);
  });
});
