/** Messages about the files attached to a Verwendungsnachweis (src/domain/nachweisFiles.ts), German and English. */
import { formatNumber } from '../domain/money';
import { defineMessages, type Locale } from './catalogue';

/** A file size as people read it: „850 KB“, „2,4 MB“. */
export function fileSizeText(bytes: unknown, locale: Locale = 'de'): string {
  const n = Number(bytes ?? 0);
  if (n < 1024 * 1024) return `${formatNumber(Math.max(1, Math.ceil(n / 1024)), 0, locale)} KB`;
  return `${formatNumber(n / 1024 / 1024, 1, locale)} MB`;
}

const mb = (bytes: unknown) => Math.round(Number(bytes ?? 0) / 1024 / 1024);

export const nachweisFileMessages = defineMessages({
  'vn.fileNotPdf': {
    de: (p) => `„${p.name}“ ist keine PDF-Datei. Bitte senden Sie Anlagen zum Verwendungsnachweis als PDF; gespeichert wurde nichts.`,
    en: (p) => `"${p.name}" is not a PDF file. Please send attachments to the Verwendungsnachweis as PDF; nothing was stored.`,
  },
  'vn.fileTooLarge': {
    de: (p) => `„${p.name}“ ist zu groß (${fileSizeText(p.size)}); eine Anlage darf höchstens ${mb(p.max)} MB groß sein. Gespeichert wurde nichts.`,
    en: (p) => `"${p.name}" is too large (${fileSizeText(p.size, 'en')}); an attachment may be at most ${mb(p.max)} MB. Nothing was stored.`,
  },
  'vn.fileTooMany': {
    de: (p) => `Zum Verwendungsnachweis sind bereits ${p.max} Dateien angehängt, mehr sind nicht möglich. Gespeichert wurde nichts.`,
    en: (p) => `${p.max} files are already attached to the Verwendungsnachweis; no more are possible. Nothing was stored.`,
  },
  'vn.fileNotFound': {
    de: () => 'Diese Datei ist beim Verwendungsnachweis nicht (mehr) angehängt.',
    en: () => 'This file is not (or no longer) attached to the Verwendungsnachweis.',
  },
  'vn.fileStored': {
    de: (p) => `„${p.name}“ (${fileSizeText(p.size)}) ist zum Verwendungsnachweis ${p.year} von ${p.gemeinde} gespeichert.`,
    en: (p) => `"${p.name}" (${fileSizeText(p.size, 'en')}) is stored with the Verwendungsnachweis ${p.year} of ${p.gemeinde}.`,
  },
  'vn.fileDuplicate': {
    de: (p) => `Diese Datei ist bereits angehängt (als „${p.name}“); sie wurde nicht noch einmal gespeichert.`,
    en: (p) => `This file is already attached (as "${p.name}"); it was not stored again.`,
  },
  'vn.fileList': {
    de: (p) => `Angehängte Dateien (${p.count}):`,
    en: (p) => `Attached files (${p.count}):`,
  },
  'vn.fileListEmpty': {
    de: (p) => `Zum Verwendungsnachweis ${p.year} von ${p.gemeinde} sind keine Dateien angehängt.`,
    en: (p) => `No files are attached to the Verwendungsnachweis ${p.year} of ${p.gemeinde}.`,
  },
  'vn.fileNoOpenNachweis': {
    de: () => 'Eine Datei nimmt der Bot nur als Anlage zu Ihrem Verwendungsnachweis an, solange dieser bearbeitet werden kann – zurzeit ist keiner offen. Gespeichert wurde nichts.',
    en: () => 'The bot takes a file only as an attachment to your Verwendungsnachweis while it can be edited – none is open at the moment. Nothing was stored.',
  },
  'vn.fileWhichNachweis': {
    de: (p) => `Sie können Dateien zu mehreren Verwendungsnachweisen anhängen (${p.names}). Bitte senden Sie die Datei noch einmal und nennen Sie die Gemeinde im Text dazu. Gespeichert wurde nichts.`,
    en: (p) => `You can attach files to several Verwendungsnachweise (${p.names}). Please send the file again and name the municipality in the message. Nothing was stored.`,
  },
  'vn.fileChannel': {
    de: () => 'Dateien zum Verwendungsnachweis senden Sie bitte im persönlichen Chat mit dem Bot; in Kanälen nimmt er keine Dateien an. Gespeichert wurde nichts.',
    en: () => 'Please send files for the Verwendungsnachweis in your personal chat with the bot; it takes no files in channels. Nothing was stored.',
  },
  'vn.fileInsecureUrl': {
    de: () => 'Die Datei kam nicht über eine sichere Verbindung (https) und wurde nicht geladen. Gespeichert wurde nichts.',
    en: () => 'The file did not come over a secure connection (https) and was not downloaded. Nothing was stored.',
  },
  'vn.fileNoRound': {
    de: () => 'Es ist noch keine Runde der Verwendungsnachweise eröffnet.',
    en: () => 'No Verwendungsnachweis round has been opened yet.',
  },
  'vn.fileWhichGemeinde': {
    de: () => 'Bitte nennen Sie die Gemeinde, z. B. „dateien Abstatt“.',
    en: () => 'Please name the municipality, e.g. "files Abstatt".',
  },
  'vn.fileLinks': {
    de: (p) => `Dateien zum Verwendungsnachweis ${p.year} von ${p.gemeinde}`,
    en: (p) => `Files of the Verwendungsnachweis ${p.year} of ${p.gemeinde}`,
  },
});
