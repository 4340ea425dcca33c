import { useState } from 'react';
import { ApiClient } from '../api/api-client';
import { CredentialsBlock } from './credentials-block';
import { FilesTable } from './files-table';
import { StorageUsagePanel } from './storage-usage';
import { UploadPanel } from './upload-panel';

/** Seed 002's S3 Storage part: usage, upload, files, credentials. */
export function S3Section({ api }: { api: ApiClient }) {
  const [round, setRound] = useState(0);
  const changed = () => setRound((r) => r + 1);
  return (
    <div className="section">
      <StorageUsagePanel api={api} round={round} />
      <UploadPanel api={api} onUploaded={changed} />
      <FilesTable api={api} round={round} onChanged={changed} />
      <CredentialsBlock api={api} />
    </div>
  );
}
