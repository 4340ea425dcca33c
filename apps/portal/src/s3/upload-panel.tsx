import { DragEvent, useState } from 'react';
import { ApiClient } from '../api/api-client';
import { uploadFile } from '../api/upload-request';
import { ErrorText } from '../components/error-text';
import { MESSAGES } from '../messages';
import { normalizePrefix } from './folders';

interface Progress {
  name: string;
  done: number;
  error?: string;
}

/** Uploads one or more files (picked or dropped) one after another, each with its progress bar. */
export function UploadPanel({ api, onUploaded }: { api: ApiClient; onUploaded: () => void }) {
  const [folder, setFolder] = useState('');
  const [items, setItems] = useState<Progress[]>([]);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const upload = async (files: File[]) => {
    if (files.length === 0 || busy) return;
    setBusy(true);
    setItems(files.map((f) => ({ name: f.name, done: 0 })));
    const prefix = normalizePrefix(folder);
    for (const [i, file] of files.entries()) {
      const update = (patch: Partial<Progress>) =>
        setItems((all) => all.map((it, j) => (j === i ? { ...it, ...patch } : it)));
      try {
        await uploadFile(api.key, file, prefix ? `${prefix}${file.name}` : '', (done) => update({ done }));
        update({ done: 1 });
      } catch (err) {
        update({ error: err instanceof Error ? err.message : String(err) });
      }
      onUploaded();
    }
    setBusy(false);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void upload([...e.dataTransfer.files]);
  };
  return (
    <section className="card" aria-labelledby="upload-title">
      <h2 id="upload-title">Upload files</h2>
      <div
        className={over ? 'dropzone over' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <label htmlFor="upload-folder">Folder (optional, e.g. photos/)</label>
        <input id="upload-folder" value={folder} onChange={(e) => setFolder(e.target.value)} />
        <label htmlFor="upload-files">Choose files or drop them here</label>
        <input
          id="upload-files"
          data-testid="file-input"
          type="file"
          multiple
          disabled={busy}
          onChange={(e) => {
            void upload([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </div>
      {busy && <p role="status">{MESSAGES.uploading}</p>}
      <ul className="uploads">
        {items.map((it, i) => (
          <li key={i}>
            <span>{it.name}</span>
            {!it.error && <progress max={1} value={it.done} aria-label={`Upload of ${it.name}`} />}
            <ErrorText text={it.error} />
          </li>
        ))}
      </ul>
    </section>
  );
}
