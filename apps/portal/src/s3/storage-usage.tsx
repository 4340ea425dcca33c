import { ApiClient } from '../api/api-client';
import { s3Api } from '../api/s3.api';
import { ErrorText } from '../components/error-text';
import { Figure } from '../components/figure';
import { useLoad } from '../components/use-load';
import { formatBytes, usedPercent } from '../format/bytes';

/** `GET /s3/usage` in bytes a person reads, with a usage bar. */
export function StorageUsagePanel({ api, round }: { api: ApiClient; round: number }) {
  const usage = useLoad(() => s3Api.usage(api), [api, round]);
  const u = usage.data;
  const percent = u ? usedPercent(u.used_bytes + u.reserved_bytes, u.quota_limit_bytes) : 0;
  return (
    <section className="card" aria-labelledby="s3-usage-title">
      <h2 id="s3-usage-title">Storage used</h2>
      <ErrorText text={usage.error} />
      <dl className="figures">
        <Figure label="Used" value={u ? formatBytes(u.used_bytes) : '-'} testId="storage-used" />
        <Figure label="Limit" value={u ? formatBytes(u.quota_limit_bytes) : '-'} testId="storage-limit" />
        <Figure label="Remaining" value={u ? formatBytes(u.remaining_bytes) : '-'} testId="storage-remaining" />
        <Figure label="Status" value={u?.status ?? '-'} />
        <Figure label="Files" value={u ? String(u.file_count) : '-'} />
      </dl>
      <label htmlFor="storage-bar" className="bar-label">
        {u ? `${formatBytes(u.used_bytes)} / ${formatBytes(u.quota_limit_bytes)} (${percent.toFixed(1)}%)` : '- / -'}
      </label>
      <meter id="storage-bar" className="usage-bar" min={0} max={100} high={90} value={percent}>
        {percent.toFixed(1)}%
      </meter>
    </section>
  );
}
