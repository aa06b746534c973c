import { normaliseOwnDomain } from '@resonance/contracts';
import { SlaRuleError } from '../sla/sla-rules';

/**
 * The own domains an admin entered, as stored: each reduced to its domain name (normaliseOwnDomain:
 * "https://www.Example.com/shop" is "example.com"), duplicates dropped; one that is no domain name
 * refuses the whole change with OWN_DOMAIN_INVALID.
 */
export function ownDomainsOf(entered: string[]): string[] {
  const domains = new Set<string>();
  for (const value of entered) {
    if (!value.trim()) continue;
    const domain = normaliseOwnDomain(value);
    if (domain === null) throw new SlaRuleError('OWN_DOMAIN_INVALID', `not a domain name: ${JSON.stringify(value.slice(0, 100))}`);
    domains.add(domain);
  }
  return [...domains];
}
