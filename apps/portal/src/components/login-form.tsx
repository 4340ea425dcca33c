import { FormEvent, useState } from 'react';
import { ErrorText } from './error-text';

interface LoginFormProps {
  onLogin: (key: string) => Promise<void>;
}

/** Paste a key; the kind is told from its prefix and confirmed by the API. */
export function LoginForm({ onLogin }: LoginFormProps) {
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!key.trim()) return setError('Paste your API key');
    setBusy(true);
    setError(undefined);
    try {
      await onLogin(key.trim());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card login" onSubmit={submit} aria-labelledby="login-title">
      <h2 id="login-title">Log in with your API key</h2>
      <label htmlFor="api-key">API key (kikaku_… for AI Image, kikaku_s3_… for S3 Storage)</label>
      <input
        id="api-key"
        data-testid="api-key-input"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={key}
        onChange={(e) => setKey(e.target.value)}
      />
      <button type="submit" data-testid="login-button" disabled={busy}>
        {busy ? 'Checking…' : 'Log in'}
      </button>
      <ErrorText text={error} />
    </form>
  );
}
