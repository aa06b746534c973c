import { arr, INTENTS, obj, str, type Intent } from '@resonance/contracts';
import type { Config } from '@resonance/config';

export interface TextToLabel {
  id: string;
  text: string;
  language: string;
}

export interface ExternalLabel {
  intent: Intent;
  /** −1…1; undefined when the endpoint gave none (the built-in score stays). */
  sentiment?: number;
}

/** Why a batch kept the built-in labels: said in the worker's log, never with the request's key. */
export class ExternalClassifierFailure extends Error {}

/** Texts longer than this are cut before they leave the worker: a label needs the start of a comment, not a pasted essay. */
const MAX_TEXT_CHARS = 2_000;

/**
 * The instruction an OpenAI-compatible model gets. The six intents are the reports' (DESIGN.md §5),
 * described as the built-in model's training labels were written (libs/classifier/data/intent).
 */
const SYSTEM_PROMPT = [
  'You label social-media comments and direct messages that customers sent to a company (German or English).',
  'For each text give one intent and a sentiment:',
  '- discount_request: asks for a discount, coupon, sale or cheaper price;',
  '- purchase_intent: wants to buy or order, asks where or how to buy;',
  '- product_question: asks about a product (size, material, availability, how it works);',
  '- complaint_support: a problem or complaint (delivery, refund, exchange, defect, service) or asks for help;',
  '- praise: thanks or praise;',
  '- other_spam: anything else, including spam, links to other sites and unrelated chat.',
  'sentiment: a number from -1 (very negative) to 1 (very positive), 0 when neutral.',
  'Answer with JSON only: {"labels":[{"id":"<the id you got>","intent":"<one of the six>","sentiment":<number>}]}.',
].join('\n');

type Settings = Pick<Config, 'CLASSIFIER_URL' | 'CLASSIFIER_API' | 'CLASSIFIER_MODEL' | 'CLASSIFIER_API_KEY' | 'CLASSIFIER_TIMEOUT_MS'>;

/**
 * A classifier endpoint the company runs itself (CLASSIFIER_URL), in one of two forms:
 * - `plain`: POST CLASSIFIER_URL with {texts:[{id,text,language}]}, answer {labels:[{id,intent,sentiment?}]};
 * - `openai`: POST CLASSIFIER_URL/chat/completions (an OpenAI-compatible server such as vLLM,
 *   llama.cpp's server or Ollama), the model asked for a JSON object of the same labels.
 * One request per batch, bounded by CLASSIFIER_TIMEOUT_MS. Labels that name an id not asked for, an
 * unknown intent or a sentiment outside −1…1 are dropped (those messages keep the built-in labels).
 */
export class ExternalClassifier {
  constructor(private readonly settings: Settings & { CLASSIFIER_URL: string }) {}

  async label(texts: TextToLabel[]): Promise<Map<string, ExternalLabel>> {
    if (!texts.length) return new Map();
    const items = texts.map((t) => ({ id: t.id, text: t.text.slice(0, MAX_TEXT_CHARS), language: t.language }));
    const answer =
      this.settings.CLASSIFIER_API === 'openai'
        ? contentOf(
            await this.post(`${this.settings.CLASSIFIER_URL.replace(/\/+$/, '')}/chat/completions`, {
              model: this.settings.CLASSIFIER_MODEL,
              temperature: 0,
              response_format: { type: 'json_object' },
              messages: [
                { role: 'system', content: SYSTEM_PROMPT },
                { role: 'user', content: JSON.stringify({ texts: items.map(({ id, text }) => ({ id, text })) }) },
              ],
            }),
          )
        : await this.post(this.settings.CLASSIFIER_URL, { texts: items });
    return labelsOf(answer, new Set(texts.map((t) => t.id)));
  }

  private async post(url: string, body: unknown): Promise<unknown> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.settings.CLASSIFIER_API_KEY) headers.authorization = `Bearer ${this.settings.CLASSIFIER_API_KEY}`;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(this.settings.CLASSIFIER_TIMEOUT_MS) });
    } catch (error) {
      // The timeout's DOMException is not always an `instanceof Error` (it comes from another realm under some runners): read its name.
      const { name, message } = obj(error);
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      throw new ExternalClassifierFailure(
        timedOut
          ? `no answer within ${this.settings.CLASSIFIER_TIMEOUT_MS} ms`
          : `could not reach it (${typeof message === 'string' ? message : 'unknown error'})`,
      );
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw new ExternalClassifierFailure(`the answer did not arrive within ${this.settings.CLASSIFIER_TIMEOUT_MS} ms`);
    }
    if (!response.ok) throw new ExternalClassifierFailure(`it answered HTTP ${response.status}`);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ExternalClassifierFailure('its answer is not JSON');
    }
  }
}

/** The JSON object an OpenAI-compatible model wrote into choices[0].message.content. */
function contentOf(answer: unknown): unknown {
  const content = obj(obj(arr(obj(answer).choices)[0]).message).content;
  if (typeof content !== 'string') throw new ExternalClassifierFailure('its answer has no choices[0].message.content');
  // Models sometimes wrap JSON in a Markdown fence despite being asked not to.
  const unfenced = content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, '');
  try {
    return JSON.parse(unfenced) as unknown;
  } catch {
    throw new ExternalClassifierFailure("the model's answer is not JSON");
  }
}

function labelsOf(answer: unknown, asked: Set<string>): Map<string, ExternalLabel> {
  const labels = obj(answer).labels;
  if (!Array.isArray(labels)) throw new ExternalClassifierFailure('its answer has no "labels" list');
  const result = new Map<string, ExternalLabel>();
  for (const entry of labels.map(obj)) {
    const id = str(entry.id);
    const intent = INTENTS.find((i) => i === entry.intent);
    if (id === undefined || !asked.has(id) || !intent) continue;
    const sentiment = entry.sentiment;
    if (sentiment !== undefined && sentiment !== null && !(typeof sentiment === 'number' && sentiment >= -1 && sentiment <= 1)) continue;
    result.set(id, typeof sentiment === 'number' ? { intent, sentiment } : { intent });
  }
  return result;
}
