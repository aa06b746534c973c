export interface AgentsOptions {
  agents: number;
  commentsPerSecond: number;
  durationMs: number;
}

export async function runAgentsBenchmark(options: AgentsOptions, log: (line: string) => void): Promise<unknown> {
  log(`agents: ${options.agents}`);
  throw new Error('bench: --agents is not built yet');
}
