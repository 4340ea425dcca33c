import { useState } from 'react';
import { ApiClient } from '../api/api-client';
import { Gallery } from './gallery';
import { GenerateForm } from './generate-form';
import { LogsTable } from './logs-table';
import { UsagePanel } from './usage-panel';

/** Seed 002's AI Image part: usage, generation, gallery, request log. */
export function AiSection({ api }: { api: ApiClient }) {
  const [round, setRound] = useState(0);
  return (
    <div className="section">
      <UsagePanel api={api} round={round} />
      <GenerateForm api={api} onGenerated={() => setRound((r) => r + 1)} />
      <Gallery api={api} round={round} />
      <LogsTable api={api} />
    </div>
  );
}
