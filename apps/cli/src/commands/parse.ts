/**
 * PLACEHOLDER until the connectors land (issue 4 replaces this file): `resonance parse` answers
 * that no network parser exists yet.
 */
export async function runParse(_argv: string[], out: NodeJS.WritableStream): Promise<number> {
  out.write('resonance parse: no network parser is available yet\n');
  return 2;
}
