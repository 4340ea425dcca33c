import { useState } from 'react';
import { ApiClient } from '../api/api-client';
import { s3Api, StoredFile } from '../api/s3.api';
import { ErrorText } from '../components/error-text';
import { useLoad } from '../components/use-load';
import { formatBytes } from '../format/bytes';
import { formatTime } from '../format/usage-figures';
import { MESSAGES } from '../messages';
import { FileActionButton } from './file-action-button';
import { folderListing, parentPrefix } from './folders';
import { saveBlob } from './save-blob';

interface FilesTableProps {
  api: ApiClient;
  round: number;
  onChanged: () => void;
}

/** The files of one folder (prefix), paged by the API's cursor, with download and delete per row. */
export function FilesTable({ api, round, onChanged }: FilesTableProps) {
  const [prefix, setPrefix] = useState('');
  /** Cursors of the pages before the current one, and the current one's. */
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [error, setError] = useState<string>();
  const cursor = cursors[cursors.length - 1];
  const page = useLoad(() => s3Api.files(api, prefix, cursor), [api, prefix, cursor, round]);
  const listing = folderListing(prefix, page.data?.files ?? []);

  const open = (next: string) => {
    setPrefix(next);
    setCursors([undefined]);
  };
  const download = async (file: StoredFile) => {
    try {
      saveBlob(await s3Api.download(api, file.key), file.key.split('/').pop() ?? file.key);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const remove = async (file: StoredFile) => {
    if (!window.confirm(`Delete ${file.key}?`)) return;
    try {
      await s3Api.remove(api, file.key);
      setError(undefined);
      onChanged();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section className="card" aria-labelledby="files-title">
      <h2 id="files-title">Files</h2>
      <p className="path">
        Folder: <code>/{prefix}</code>{' '}
        {prefix && (
          <button type="button" onClick={() => open(parentPrefix(prefix))}>
            Up one folder
          </button>
        )}
      </p>
      <ErrorText text={error ?? page.error} />
      <div className="table-wrap">
        <table data-testid="files-table">
          <caption className="visually-hidden">Files in /{prefix}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Size</th>
              <th scope="col">Last Modified</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {page.loading && !page.data && (
              <tr>
                <td colSpan={4}>{MESSAGES.loadingFiles}</td>
              </tr>
            )}
            {page.data && listing.folders.length + listing.files.length === 0 && (
              <tr>
                <td colSpan={4}>No files here yet.</td>
              </tr>
            )}
            {listing.folders.map((folder) => (
              <tr key={folder} data-folder={folder}>
                <td colSpan={3}>
                  <button type="button" className="link" onClick={() => open(folder)}>
                    📁 {folder.slice(prefix.length)}
                  </button>
                </td>
                <td />
              </tr>
            ))}
            {listing.files.map((file) => (
              <tr key={file.key} data-key={file.key}>
                <td className="name">{file.key.slice(prefix.length)}</td>
                <td data-bytes={file.size}>{formatBytes(file.size)}</td>
                <td>{formatTime(file.last_modified)}</td>
                <td className="actions">
                  <FileActionButton file={file} label="Download" testId="file-download" onAction={download} />
                  <FileActionButton file={file} label="Delete" testId="file-delete" onAction={remove} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="File pages">
        <button type="button" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous
        </button>
        <button
          type="button"
          disabled={!page.data?.has_more}
          onClick={() => page.data?.next_cursor && setCursors((c) => [...c, page.data!.next_cursor!])}
        >
          Next
        </button>
      </nav>
    </section>
  );
}
