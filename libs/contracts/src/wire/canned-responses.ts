import type { IsoDateTime, PageRequest } from './common';

/** The variables a canned response's text may use as {{name}} or, with a fallback, {{name|fallback}}. */
export const CANNED_VARIABLES = ['contact.name', 'contact.first_name', 'contact.handle', 'agent.name', 'channel.name', 'network'] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];

/** {{name}} or {{name|fallback}}; the fallback may be empty ({{contact.first_name|}}). */
const VARIABLE = /\{\{\s*([^{}|]*?)\s*(?:\|([^{}]*))?\}\}/g;

/**
 * Fills a template's variables: a known, non-blank value; else the fallback after "|"; else the
 * variable stays as written, so that unfilledVariables finds it and nothing sends it literally.
 */
export function fillTemplate(text: string, values: Partial<Record<string, string | null | undefined>>): string {
  return text.replace(VARIABLE, (whole, name: string, fallback: string | undefined) => {
    const value = values[name]?.trim();
    if (value) return value;
    return fallback !== undefined ? fallback.trim() : whole;
  });
}

/** The variables still in a text ({{…}} without a value), each once: a reply holding any is refused. */
export function unfilledVariables(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(VARIABLE), (m) => m[1] ?? ''))];
}

/** The first name of a display name ("Erika Mustermann" → "Erika"), or null. */
export function firstNameOf(name: string | null | undefined): string | null {
  return name?.trim().split(/\s+/)[0] || null;
}

/** 400 of POST /api/threads/:id/replies when the text still holds {{variables}}. */
export interface UnfilledVariablesError {
  statusCode: 400;
  error: string;
  code: 'UNFILLED_VARIABLE';
  message: string;
  variables: string[];
}

/** GET /api/canned-responses (a list), GET/POST/PATCH /api/canned-responses/:id. */
export interface CannedResponse {
  id: string;
  title: string;
  text: string;
  shortcut: string | null;
  language: string | null;
  updatedAt: IsoDateTime;
}

/** GET /api/canned-responses query. */
export interface CannedResponseListRequest extends PageRequest {
  /** matches title, shortcut or text */
  q?: string;
}

/** POST /api/canned-responses */
export interface CreateCannedResponseRequest {
  title: string;
  text: string;
  shortcut?: string;
  language?: string;
}

/** PATCH /api/canned-responses/:id */
export type UpdateCannedResponseRequest = Partial<CreateCannedResponseRequest>;

/** POST /api/canned-responses/:id/render */
export interface RenderCannedResponseRequest {
  threadId: string;
}

/** The text with its {{variables}} filled for the thread. */
export interface RenderedCannedResponse {
  text: string;
}
