import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HiddenByRulesPage, ThreadRuleActivity } from '@resonance/contracts';
import { api, withQuery } from '../../shared/api/http';

/**
 * GET /api/threads/:id/rule-activity: what rules suggested for and did to the thread's messages.
 * Under ['threads', …] so that the inbox's own invalidations (live events) refresh it too.
 */
export const ruleActivityQueryOptions = (threadId: string) =>
  queryOptions({
    queryKey: ['threads', 'rule-activity', threadId],
    queryFn: ({ signal }) => api<ThreadRuleActivity>(`/threads/${encodeURIComponent(threadId)}/rule-activity`, { signal }),
  });
export const useRuleActivity = (threadId: string) => useQuery(ruleActivityQueryOptions(threadId));

/** Accept or dismiss a suggestion, undo an automatic action: the answer is the thread's activity; its messages and triage refresh. */
export function useRuleDecision(threadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, id }: { kind: 'accept' | 'dismiss' | 'undo'; id: string }) =>
      api<ThreadRuleActivity>(kind === 'undo' ? `/rule-runs/${encodeURIComponent(id)}/undo` : `/rule-suggestions/${encodeURIComponent(id)}/${kind}`, {
        method: 'POST',
      }),
    onSuccess: (activity) => {
      client.setQueryData(ruleActivityQueryOptions(threadId).queryKey, activity);
      void client.invalidateQueries({ queryKey: ['threads'] });
      void client.invalidateQueries({ queryKey: ['rules', 'hidden'] });
    },
  });
}

/** GET /api/rules/hidden: messages hidden by rules and not undone, newest first. */
export const useHiddenByRules = (enabled: boolean) =>
  useInfiniteQuery({
    queryKey: ['rules', 'hidden'],
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<HiddenByRulesPage>(withQuery('/rules/hidden', { cursor: pageParam }), { signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
