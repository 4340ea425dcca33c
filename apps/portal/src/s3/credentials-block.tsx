import { useState } from 'react';
import { ApiClient } from '../api/api-client';
import { s3Api } from '../api/s3.api';
import { ErrorText } from '../components/error-text';
import { useLoad } from '../components/use-load';
import { MESSAGES } from '../messages';
import { CopyButton } from './copy-button';
import { credentialSnippets, displayedSnippet, maskSecret } from './snippets';

/** `GET /s3/credentials`: the five values (secret masked until revealed) and the seed's three snippets. */
export function CredentialsBlock({ api }: { api: ApiClient }) {
  const creds = useLoad(() => s3Api.credentials(api), [api]);
  const [revealed, setRevealed] = useState(false);
  const c = creds.data;
  const rows: Array<[string, string, string]> = c
    ? [
        ['Endpoint', c.endpoint, c.endpoint],
        ['Region', c.region, c.region],
        ['Bucket', c.bucket, c.bucket],
        ['Access key ID', c.access_key_id, c.access_key_id],
        ['Secret access key', c.secret_access_key, revealed ? c.secret_access_key : maskSecret(c.secret_access_key)],
      ]
    : [];
  return (
    <section className="card" aria-labelledby="creds-title" data-testid="s3-credentials">
      <h2 id="creds-title">S3 credentials</h2>
      <p>{MESSAGES.credentialsIntro}</p>
      <ErrorText text={creds.error} />
      {creds.loading && <p role="status">Loading credentials…</p>}
      {!creds.loading && c === null && <p className="muted">{MESSAGES.credentialsUnavailable}</p>}
      {c && (
        <>
          <dl className="credentials">
            {rows.map(([label, value, shown]) => (
              <div key={label} className="credential">
                <dt>{label}</dt>
                <dd>
                  <code>{shown}</code> <CopyButton text={value} label={label} />
                </dd>
              </div>
            ))}
          </dl>
          <button type="button" onClick={() => setRevealed((r) => !r)} aria-pressed={revealed}>
            {revealed ? 'Hide secret' : 'Reveal secret'}
          </button>
          {credentialSnippets(c).map((s) => (
            <div key={s.id} className="snippet">
              <h3>{s.title}</h3>
              <pre>
                <code>{displayedSnippet(s.code, c.secret_access_key, revealed)}</code>
              </pre>
              <CopyButton text={s.code} label={`${s.title} snippet`} />
            </div>
          ))}
        </>
      )}
    </section>
  );
}
