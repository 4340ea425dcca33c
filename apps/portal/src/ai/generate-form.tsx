import { FormEvent, useState } from 'react';
import { ApiClient } from '../api/api-client';
import { aiImageApi, GenerationResult } from '../api/ai-image.api';
import { ErrorText } from '../components/error-text';
import { buildGenerationBody, GenerateForm as FormValues } from './generation-request';
import { GenerationResults } from './generation-results';
import { MAX_IMAGES, MODELS } from './models';
import { ReferencePicker } from './reference-picker';

/** The generation form; its results "will appear here". */
export function GenerateForm({ api, onGenerated }: { api: ApiClient; onGenerated: () => void }) {
  const [form, setForm] = useState<FormValues>({
    model: MODELS[0]!.name,
    prompt: '',
    size: '2K',
    watermark: true,
    images: 1,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<GenerationResult>();
  const set = <K extends keyof FormValues>(field: K, value: FormValues[K]) =>
    setForm((f) => ({ ...f, [field]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const built = buildGenerationBody(form);
    if (!built.ok) return setError(built.message);
    setBusy(true);
    setError(undefined);
    try {
      setResult(await aiImageApi.generate(api, built.body));
      onGenerated();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      onGenerated();
    } finally {
      setBusy(false);
    }
  };
  const presets = MODELS.find((m) => m.name === form.model)?.presets ?? [];
  return (
    <section className="card" aria-labelledby="generate-title">
      <h2 id="generate-title">Generate images</h2>
      <form className="form-grid" onSubmit={submit}>
        <label htmlFor="gen-model">Model</label>
        <select
          id="gen-model"
          data-testid="generate-model"
          value={form.model}
          onChange={(e) => set('model', e.target.value)}
        >
          {MODELS.map((m) => (
            <option key={m.name} value={m.name}>
              {m.name}
            </option>
          ))}
        </select>
        <label htmlFor="gen-prompt">Prompt</label>
        <textarea
          id="gen-prompt"
          data-testid="generate-prompt"
          rows={3}
          value={form.prompt}
          onChange={(e) => set('prompt', e.target.value)}
        />
        <label htmlFor="gen-size">Size (preset {presets.join('/')} or WIDTHxHEIGHT)</label>
        <input
          id="gen-size"
          data-testid="generate-size"
          list="gen-size-presets"
          value={form.size}
          onChange={(e) => set('size', e.target.value)}
        />
        <datalist id="gen-size-presets">
          {presets.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <label htmlFor="gen-images">Number of images</label>
        <input
          id="gen-images"
          type="number"
          min={1}
          max={MAX_IMAGES}
          value={form.images}
          onChange={(e) => set('images', Number(e.target.value))}
        />
        <label className="check">
          <input type="checkbox" checked={form.watermark} onChange={(e) => set('watermark', e.target.checked)} />{' '}
          Watermark
        </label>
        <ReferencePicker onChange={(reference) => set('reference', reference)} onError={setError} />
        <button type="submit" data-testid="generate-button" disabled={busy}>
          {busy ? 'Generating…' : 'Generate'}
        </button>
      </form>
      <ErrorText text={error} />
      <GenerationResults result={result} busy={busy} />
    </section>
  );
}
