/** `resonance bench`: reserved for the benchmark of DESIGN.md §6 (not built yet). */
export async function runBench(_argv: string[], out: NodeJS.WritableStream): Promise<number> {
  out.write('resonance bench: the benchmark is not built yet\n');
  return 2;
}
