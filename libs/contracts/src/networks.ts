/** The networks Resonance connects. */
export const NETWORKS = ['facebook', 'x', 'linkedin', 'youtube', 'xing'] as const;
export type Network = (typeof NETWORKS)[number];

export const isNetwork = (value: unknown): value is Network =>
  typeof value === 'string' && (NETWORKS as readonly string[]).includes(value);
