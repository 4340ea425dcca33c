import { useEffect, useMemo, useState } from 'react';
import { AiSection } from './ai/ai-section';
import { ApiClient } from './api/api-client';
import { LoginForm } from './components/login-form';
import { PortalMessage } from './components/portal-message';
import { SectionId, SectionTabs } from './components/section-tabs';
import { MESSAGES } from './messages';
import { S3Section } from './s3/s3-section';
import { KeyStore } from './session/key-store';
import { identifyKey, Session, wrongKindMessage } from './session/login';

export function App({ store }: { store: KeyStore }) {
  const [session, setSession] = useState<Session | null>(null);
  const [restoring, setRestoring] = useState(() => store.load() !== null);
  const [section, setSection] = useState<SectionId>('ai');

  const login = async (key: string) => {
    const found = await identifyKey(new ApiClient(key));
    store.save(key);
    setSession(found);
    setSection(found.kind === 's3' ? 's3' : 'ai');
  };
  const logout = () => {
    store.clear();
    setSession(null);
  };
  useEffect(() => {
    const saved = store.load();
    if (saved)
      login(saved)
        .catch(() => store.clear())
        .finally(() => setRestoring(false));
    // The saved key is read once, when the page opens.
  }, []);
  const api = useMemo(() => (session ? new ApiClient(session.key) : null), [session]);

  return (
    <div className="page">
      <header className="top">
        <h1>Customer portal</h1>
        {session && (
          <button type="button" data-testid="logout-button" onClick={logout}>
            Log out
          </button>
        )}
      </header>
      <main>
        {restoring && <p role="status">Checking your key…</p>}
        {!restoring && !session && <LoginForm onLogin={login} />}
        {session && api && session.kind === 'none' && <PortalMessage text={MESSAGES.noFeatures} />}
        {session && api && session.kind !== 'none' && (
          <>
            <SectionTabs current={section} onSelect={setSection} />
            <section id={`panel-${section}`} role="tabpanel" aria-labelledby={`tab-${section}`} className="panel">
              {wrongKindMessage(session, section, MESSAGES) ? (
                <PortalMessage text={wrongKindMessage(session, section, MESSAGES)!} />
              ) : section === 'ai' ? (
                <AiSection api={api} />
              ) : (
                <S3Section api={api} />
              )}
            </section>
          </>
        )}
      </main>
    </div>
  );
}
