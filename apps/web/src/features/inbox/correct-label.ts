import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type {
  Intent,
  IntentCorrectionRequest,
  IntentCorrectionView,
  MessageItem,
  SentimentBand,
  SentimentCorrectionRequest,
  SentimentCorrectionView,
} from '@resonance/contracts';
import { api, type Page } from '../../shared/api/http';
import { messagesQueryOptions } from './list-messages';
import { addMessage } from './send-reply';

export type LabelCorrection = { threadId: string; messageId: string } & ({ intent: Intent } | { sentiment: SentimentBand });

/**
 * POST /api/reports/intents/corrections or /sentiment/corrections → 201 with the message as it is
 * now. The same label again confirms it (counted as reviewed and unchanged in the measured precision).
 */
export async function correctLabel(correction: LabelCorrection): Promise<MessageItem> {
  if ('intent' in correction) {
    const body = { messageId: correction.messageId, intent: correction.intent } satisfies IntentCorrectionRequest;
    return (await api<IntentCorrectionView>('/reports/intents/corrections', { method: 'POST', body })).message;
  }
  const body = { messageId: correction.messageId, sentiment: correction.sentiment } satisfies SentimentCorrectionRequest;
  return (await api<SentimentCorrectionView>('/reports/sentiment/corrections', { method: 'POST', body })).message;
}

/** The answer's message replaces the cached one; the reports are read again (their counts follow the label). */
export function useCorrectLabel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: correctLabel,
    onSuccess: (message, { threadId }) => {
      client.setQueryData<InfiniteData<Page<MessageItem>, string | null>>(messagesQueryOptions(threadId).queryKey, (data) => addMessage(data, message));
      void client.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}
