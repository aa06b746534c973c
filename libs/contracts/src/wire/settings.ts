/** weekday (0 = Sunday) → [["08:00","18:00"], …] */
export type BusinessHoursWire = Record<string, Array<[string, string]>>;

/** GET/PATCH /api/settings (admins): the workspace's name, time zone and business hours. */
export interface WorkspaceSettings {
  name: string;
  slug: string;
  timezone: string;
  businessHours: BusinessHoursWire;
  /**
   * The company's own domains (lower case, without "www."): links to them, and to their
   * subdomains, are not a sign of spam (SpamReason link_unknown_domain).
   */
  ownDomains: string[];
  /**
   * The workspace says Meta approved its app for the HUMAN_AGENT message tag (App Review): a person
   * may then answer Instagram and Messenger conversations up to 7 days after the customer's last
   * message instead of 24 hours. Changed with PUT /api/settings/human-agent-tag (admins).
   */
  humanAgentTagApproved: boolean;
}

/** PUT /api/settings/human-agent-tag (admins). */
export interface HumanAgentTagRequest {
  approved: boolean;
}

/** At most this many own domains. */
export const MAX_OWN_DOMAINS = 50;

/**
 * An own domain as it is stored (the API and the settings form use the same rule): lower case,
 * without scheme, "www.", path or port; null when what is left is no domain name.
 */
export function normaliseOwnDomain(entered: string): string | null {
  const domain = entered
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#:].*$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  return /^(?=.{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u.test(domain) ? domain : null;
}

/** PATCH /api/settings */
export interface UpdateSettingsRequest {
  name?: string;
  /** An IANA time zone name PostgreSQL knows. */
  timezone?: string;
  businessHours?: BusinessHoursWire;
  /** Replaces the list; each a domain name such as "example.com" (a URL or "www." is reduced to it). */
  ownDomains?: string[];
}

/** GET/PUT /api/data-care/retention (admins). */
export interface RetentionSettings {
  /** Days messages are kept; null keeps them for ever. */
  retentionDays: number | null;
}

export type UpdateRetentionRequest = RetentionSettings;

/** DELETE /api/contacts/:id (admins): what the erasure deleted. */
export interface ErasureResult {
  threads: number;
  messages: number;
}
