import { useMutation, useQuery } from '@tanstack/react-query';
import type { AcceptAccessLinkRequest, AccessLinkAccepted, AccessLinkInfo } from '@resonance/contracts';
import { api } from '../../shared/api/http';

/** POST /api/access-links/inspect: whom a one-time link is for (the token stays out of every URL the server sees). */
export const inspectAccessLink = (token: string) => api<AccessLinkInfo>('/access-links/inspect', { method: 'POST', body: { token } });
export const useAccessLinkInfo = (token: string) =>
  useQuery({
    queryKey: ['access-link', token],
    queryFn: () => inspectAccessLink(token),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

/** POST /api/access-links/accept: sets the password; the link is used up. */
export const acceptAccessLink = (body: AcceptAccessLinkRequest) => api<AccessLinkAccepted>('/access-links/accept', { method: 'POST', body });
export const useAcceptAccessLink = () => useMutation({ mutationFn: acceptAccessLink });
