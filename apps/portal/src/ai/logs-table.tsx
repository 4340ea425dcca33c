import { FormEvent, useState } from 'react';
import { ApiClient } from '../api/api-client';
import { AiLog, aiImageApi, Pagination } from '../api/ai-image.api';
import { ErrorText } from '../components/error-text';
import { Pager } from '../components/pager';
import { formatTime } from '../format/usage-figures';
import { MESSAGES } from '../messages';
import { buildLogQuery, LOG_PAGE_SIZE, pageCount } from './log-query';

/** `GET /v1/logs`, filtered by a date range (UTC days) and paged; loaded only on "Filter". */
export function LogsTable({ api }: { api: ApiClient }) {
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [rows, setRows] = useState<{ logs: AiLog[]; pagination: Pagination }>();

  const load = async (page: number) => {
    const built = buildLogQuery(start, end, page);
    if (!built.ok) return setError(built.message);
    setBusy(true);
    setError(undefined);
    try {
      setRows(await aiImageApi.logs(api, built.query));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(1);
  };
  return (
    <section className="card" aria-labelledby="logs-title">
      <h2 id="logs-title">Request logs</h2>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor="logs-start">From (UTC day)</label>
        <input id="logs-start" type="date" value={start} onChange={(e) => setStart(e.target.value)} />
        <label htmlFor="logs-end">To (UTC day)</label>
        <input id="logs-end" type="date" value={end} onChange={(e) => setEnd(e.target.value)} />
        <button type="submit" data-testid="logs-filter-button" disabled={busy}>
          Filter
        </button>
      </form>
      <ErrorText text={error} />
      <div className="table-wrap">
        <table data-testid="logs-table">
          <caption className="visually-hidden">Generation requests of this key</caption>
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Model</th>
              <th scope="col">Status</th>
              <th scope="col">Response Time</th>
              <th scope="col">Timestamp</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {!rows && (
              <tr>
                <td colSpan={6}>{busy ? 'Loading logs…' : MESSAGES.logsIdle}</td>
              </tr>
            )}
            {rows && rows.logs.length === 0 && (
              <tr>
                <td colSpan={6}>No requests in this range.</td>
              </tr>
            )}
            {rows?.logs.map((log) => (
              <tr key={log.id} data-status={log.status}>
                <td>{log.id}</td>
                <td>{log.model ?? '-'}</td>
                <td>{log.status}</td>
                <td>{log.response_time_ms} ms</td>
                <td>{formatTime(log.timestamp)}</td>
                <td className="error-cell">{log.error_message ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows && (
        <Pager
          label="Log pages"
          page={rows.pagination.page}
          pages={pageCount(rows.pagination.total, LOG_PAGE_SIZE)}
          onPage={(p) => void load(p)}
        />
      )}
    </section>
  );
}
