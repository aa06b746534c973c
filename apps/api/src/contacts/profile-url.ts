import type { Network } from '@resonance/contracts';

/**
 * The public address of a person's profile, where the network has one for the id Resonance knows:
 * X, Instagram and XING by handle, YouTube by channel id, Facebook by the id its Graph API gives. LinkedIn
 * names members by URN only (their profile address needs a vanity name the API does not give).
 */
export function profileUrl(network: Network, externalId: string, handle: string | null): string | null {
  const bare = handle?.replace(/^@/, '') ?? null;
  switch (network) {
    case 'x':
      return bare ? `https://x.com/${encodeURIComponent(bare)}` : null;
    case 'youtube':
      return /^UC[\w-]{10,}$/.test(externalId)
        ? `https://www.youtube.com/channel/${externalId}`
        : bare
          ? `https://www.youtube.com/@${encodeURIComponent(bare)}`
          : null;
    case 'facebook':
      return /^\d+$/.test(externalId) ? `https://www.facebook.com/${externalId}` : null;
    case 'instagram':
      return bare && /^[\w.]{1,30}$/.test(bare) ? `https://www.instagram.com/${bare}/` : null;
    case 'xing':
      return bare ? `https://www.xing.com/profile/${encodeURIComponent(bare)}` : null;
    case 'linkedin':
      return null;
  }
}
