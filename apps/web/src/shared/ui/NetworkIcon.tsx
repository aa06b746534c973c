import type { Network } from '@resonance/contracts';
import { useI18n } from '../i18n/I18nProvider';

const LOOK: Record<Network, { bg: string; label: string }> = {
  facebook: { bg: '#1877F2', label: 'f' },
  // Instagram's magenta (from its gradient): white on it is 5.1:1, AA for text.
  instagram: { bg: '#C13584', label: 'IG' },
  x: { bg: '#111111', label: '𝕏' },
  linkedin: { bg: '#0A66C2', label: 'in' },
  youtube: { bg: '#FF0000', label: '▶' },
  xing: { bg: '#006567', label: 'X' },
};

/** A small round network badge with an accessible name (the network), not a logo. */
export function NetworkIcon({ network, size = 20 }: { network: Network; size?: number }) {
  const { t } = useI18n();
  const look = LOOK[network] ?? { bg: '#888', label: '?' };
  return (
    <span
      role="img"
      aria-label={t(`network.${network}`)}
      title={t(`network.${network}`)}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: size,
        height: size,
        flex: `0 0 ${size}px`,
        borderRadius: '50%',
        background: look.bg,
        color: 'white',
        fontSize: size * 0.55,
        fontWeight: 700,
        lineHeight: 1,
        fontFamily: 'system-ui, sans-serif',
      }}
    >
      {look.label}
    </span>
  );
}
