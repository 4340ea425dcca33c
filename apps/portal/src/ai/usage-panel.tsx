import { ApiClient } from '../api/api-client';
import { aiImageApi } from '../api/ai-image.api';
import { ErrorText } from '../components/error-text';
import { Figure } from '../components/figure';
import { useLoad } from '../components/use-load';
import { averageResponse, formatTime, successRate } from '../format/usage-figures';

/** `GET /v1/usage`: quota used / limit, remaining, status, expiry, success rate, mean response time. */
export function UsagePanel({ api, round }: { api: ApiClient; round: number }) {
  const usage = useLoad(() => aiImageApi.usage(api), [api, round]);
  const u = usage.data;
  const dash = '-';
  return (
    <section className="card" aria-labelledby="ai-usage-title">
      <h2 id="ai-usage-title">AI Image usage</h2>
      <ErrorText text={usage.error} />
      <dl className="figures" aria-busy={usage.loading}>
        <Figure label="Quota used" value={u ? String(u.used_count) : dash} testId="quota-used" />
        <Figure label="Quota limit" value={u ? String(u.quota_limit) : dash} testId="quota-limit" />
        <Figure label="Remaining" value={u ? String(u.remaining) : dash} testId="quota-remaining" />
        <Figure label="Status" value={u?.status ?? dash} />
        <Figure label="Expires" value={u ? (u.expires_at ? formatTime(u.expires_at) : 'never') : dash} />
        <Figure label="Success rate" value={u ? successRate(u.stats) : dash} testId="success-rate" />
        <Figure label="Average response" value={u ? averageResponse(u.stats) : dash} testId="avg-response" />
        <Figure label="Requests" value={u ? String(u.stats.total_requests) : dash} />
      </dl>
    </section>
  );
}
