/** Shared shape of the message catalogues: one sentence per code, German and English side by side. */
export type Locale = 'de' | 'en';
export type MessageParams = Record<string, string | number | undefined>;
export interface MessageEntry {
  de: (p: MessageParams) => string;
  en: (p: MessageParams) => string;
}
export type Catalogue = Record<string, MessageEntry>;

/** Helper so each catalogue keeps its literal keys (for type-checked codes) while being checked for shape. */
export function defineMessages<T extends Catalogue>(messages: T): T {
  return messages;
}
