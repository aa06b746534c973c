import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReorderRulesRequest, RuleInput, RuleList, RuleWire } from '@resonance/contracts';
import { api } from '../../shared/api/http';

/** GET/POST /api/rules, PUT/DELETE /api/rules/:id, PUT /api/rules/order (admins change; docs/rules.md). */
export const rulesQueryOptions = () => queryOptions({ queryKey: ['rules'], queryFn: ({ signal }) => api<RuleList>('/rules', { signal }) });
export const useRules = () => useQuery(rulesQueryOptions());

const saveRule = ({ id, ...body }: RuleInput & { id?: string }) =>
  id ? api<RuleWire>(`/rules/${encodeURIComponent(id)}`, { method: 'PUT', body }) : api<RuleWire>('/rules', { method: 'POST', body });
const deleteRule = (id: string) => api<undefined>(`/rules/${encodeURIComponent(id)}`, { method: 'DELETE' });
const reorderRules = (ids: string[]) => api<RuleList>('/rules/order', { method: 'PUT', body: { ids } satisfies ReorderRulesRequest });

function useRulesMutation<T, R>(fn: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => void client.invalidateQueries({ queryKey: ['rules'] }) });
}
export const useSaveRule = () => useRulesMutation(saveRule);
export const useDeleteRule = () => useRulesMutation(deleteRule);
export const useReorderRules = () => useRulesMutation(reorderRules);
