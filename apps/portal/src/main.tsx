import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { KeyStore } from './session/key-store';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={new KeyStore(window.sessionStorage)} />
  </StrictMode>,
);
