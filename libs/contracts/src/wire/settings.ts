/** weekday (0 = Sunday) → [["08:00","18:00"], …] */
export type BusinessHoursWire = Record<string, Array<[string, string]>>;

/** GET/PATCH /api/settings (admins): the workspace's name, time zone and business hours. */
export interface WorkspaceSettings {
  name: string;
  slug: string;
  timezone: string;
  businessHours: BusinessHoursWire;
}

/** PATCH /api/settings */
export interface UpdateSettingsRequest {
  name?: string;
  /** An IANA time zone name PostgreSQL knows. */
  timezone?: string;
  businessHours?: BusinessHoursWire;
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
