import type { AiUsage } from '../api/ai-image.api';

/** Successful / total requests as a percentage with one decimal, `-` without requests. */
export function successRate(stats: AiUsage['stats']): string {
  if (stats.total_requests === 0) return '-';
  return `${((stats.successful_requests / stats.total_requests) * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

export function averageResponse(stats: AiUsage['stats']): string {
  return `${stats.avg_response_time_ms} ms`;
}

/** An ISO time as the reader's local date and time; `-` for none. */
export function formatTime(iso: string | null): string {
  if (!iso) return '-';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
