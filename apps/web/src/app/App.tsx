import { HealthBadge } from '../features/health/HealthBadge';

export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
      <h1>Resonance</h1>
      <p>Social-Media-Inbox und Engagement-Dashboard.</p>
      <HealthBadge />
    </main>
  );
}
