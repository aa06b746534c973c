/** A persona of the page (personas.ts), kept in the page's state. */
export interface FbPersona {
  id: string;
  order: number;
  name: string;
  pictureUrl: string;
}

/** The page's personas by id. */
export class Personas {
  private readonly byId = new Map<string, FbPersona>();

  get(id: string): FbPersona | undefined {
    return this.byId.get(id);
  }

  add(persona: FbPersona): void {
    this.byId.set(persona.id, persona);
  }

  delete(id: string): boolean {
    return this.byId.delete(id);
  }

  /** Oldest first. */
  list(): FbPersona[] {
    return [...this.byId.values()];
  }
}
