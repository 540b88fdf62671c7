/** Key-value settings the system administrator edits (site identity, filing numbers, flags). */
export interface SettingsStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, at: Date): Promise<void>;
  all(): Promise<Record<string, string>>;
}
