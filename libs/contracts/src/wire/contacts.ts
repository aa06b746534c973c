import type { Network } from '../networks';
import type { ThreadItem } from './threads';

/**
 * GET /api/contacts/:id/threads: the person and their threads (newest activity first). A contact
 * is one person on one network as one channel sees them (unique per channel and network id);
 * Resonance does not link contacts across channels or networks by name or handle, so these are
 * the threads of this contact only.
 */
export interface ContactHistory {
  contact: {
    id: string;
    network: Network;
    name: string | null;
    handle: string | null;
    /** The person's profile on the network, where the network has a public address for it. */
    profileUrl: string | null;
  };
  threads: ThreadItem[];
}
