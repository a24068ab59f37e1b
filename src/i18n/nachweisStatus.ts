/**
 * Where the Verwendungsnachweis round stands (src/app/nachweisStatus.ts) – the sentence of `intm status`,
 * the section of the status card and the digest – and the answers to the questions about it
 * (src/app/questions/nachweisAnswers.ts), German and English. Plain text: the answers may be posted in
 * a chat, the card texts never contain user text (names go into TextRuns of their own).
 */
import { formatEuro } from '../domain/money';
import { defineMessages, type MessageParams } from './catalogue';

const euro = (v: MessageParams[string], locale: 'de' | 'en') => formatEuro(String(v ?? '0'), locale);
const nachweise = (n: MessageParams[string]) => (Number(n) === 1 ? '1 Nachweis' : `${n} Nachweise`);
/** After „aus“ (dative): „aus 1 Nachweis“, „aus 42 Nachweisen“. */
const nachweisenDative = (n: MessageParams[string]) => (Number(n) === 1 ? '1 Nachweis' : `${n} Nachweisen`);
const proofs = (n: MessageParams[string]) => (Number(n) === 1 ? '1 proof' : `${n} proofs`);

export const nachweisStatusMessages = defineMessages({
  'vn.summary': {
    de: (p) =>
      `Nachweise: ${p.total}, davon angenommen ${p.angenommen}, eingereicht ${p.eingereicht}, zurückgegeben ${p.zurueckgegeben}, ` +
      `in Bearbeitung ${p.inBearbeitung}, offen ${p.offen}${Number(p.overdue) ? `; ${p.overdue} überfällig` : ''}.`,
    en: (p) =>
      `Proofs: ${p.total}; accepted ${p.angenommen}, submitted ${p.eingereicht}, returned with a question ${p.zurueckgegeben}, ` +
      `in progress ${p.inBearbeitung}, open ${p.offen}${Number(p.overdue) ? `; ${p.overdue} overdue` : ''}.`,
  },

  // The section on the status card and in the digest (names follow as TextRuns).
  'vnStatus.heading': {
    de: (p) => `Verwendungsnachweise ${p.year} · Frist ${p.date}`,
    en: (p) => `Verwendungsnachweise (proofs of use) ${p.year} · deadline ${p.date}`,
  },
  'vnStatus.submittedSince': { de: (p) => `Eingereicht seit dem letzten Bericht (${p.n}): `, en: (p) => `Submitted since the last report (${p.n}): ` },
  'vnStatus.overdue': { de: (p) => `Überfällig (${p.n}): `, en: (p) => `Overdue (${p.n}): ` },
  'vnStatus.returned': { de: (p) => `Mit Rückfrage zurückgegeben (${p.n}): `, en: (p) => `Returned with a question (${p.n}): ` },
  'vnStatus.landkreisMissing': {
    de: (p) => `Zahlen des Landkreises fehlen noch (${p.n}): `,
    en: (p) => `District's figures still missing (${p.n}): `,
  },
  'vnStatus.reclaim': {
    de: (p) => `Voraussichtliche Rückforderung nach den bisher angegebenen Ausgaben: ${euro(p.amount, 'de')} (${nachweise(p.n)}).`,
    en: (p) => `Likely reclaim according to the expenditure stated so far: ${euro(p.amount, 'en')} (${proofs(p.n)}).`,
  },
  'vnStatus.noReclaim': {
    de: () => 'Nach den bisher angegebenen Ausgaben wird voraussichtlich nichts zurückgefordert.',
    en: () => 'According to the expenditure stated so far, nothing is likely to be reclaimed.',
  },
  'vnStatus.more': { de: (p) => ` und ${p.n} weitere`, en: (p) => ` and ${p.n} more` },

  // Questions: "Was fehlt noch im Verwendungsnachweis?", "Müssen wir etwas zurückzahlen?"
  'q.vn.notOpened': {
    de: (p) =>
      p.year
        ? `Die Runde der Verwendungsnachweise ${p.year} ist noch nicht eröffnet: Die Koordinierungsstelle fordert die Nachweise an, sobald das Berechnungsjahr vorbei ist. Bis dahin ist nichts einzureichen und keine Rückforderung absehbar.`
        : 'Die Runde der Verwendungsnachweise ist noch nicht eröffnet: Die Koordinierungsstelle fordert die Nachweise an, sobald ein Berechnungsjahr vorbei ist. Bis dahin ist nichts einzureichen und keine Rückforderung absehbar.',
    en: (p) =>
      p.year
        ? `The Verwendungsnachweis round for ${p.year} has not been opened yet: the coordinating office asks for the proofs once the year is over. Until then there is nothing to submit and no reclaim in sight.`
        : 'The Verwendungsnachweis round has not been opened yet: the coordinating office asks for the proofs once a year is over. Until then there is nothing to submit and no reclaim in sight.',
  },
  'q.vn.landkreis': {
    de: (p) =>
      `${p.name} wird im Berechnungsjahr ${p.year} vom Landkreis betreut: Den Verwendungsnachweis erstellt die Koordinierungsstelle mit den Zahlen des Landkreises; Ihre Gemeinde reicht nichts ein und zahlt nichts zurück.`,
    en: (p) =>
      `${p.name} is served by the district in ${p.year}: the coordinating office prepares the proof with the district's figures; your municipality submits nothing and pays nothing back.`,
  },
  'q.vn.state': {
    de: (p) => `Verwendungsnachweis ${p.year} von ${p.name}: ${p.state}. Frist: ${p.date}${p.overdue ? ' – abgelaufen' : ''}.`,
    en: (p) => `Verwendungsnachweis ${p.year} of ${p.name}: ${p.state}. Deadline: ${p.date}${p.overdue ? ' – passed' : ''}.`,
  },
  'q.vn.filedByLead': {
    de: (p) => `Den Nachweis des Verbunds reicht ${p.lead} ein.`,
    en: (p) => `The joint position's proof is filed by ${p.lead}.`,
  },
  'q.vn.question': {
    de: (p) => `Rückfrage der Koordinierungsstelle: „${p.text}“`,
    en: (p) => `Question from the coordinating office: "${p.text}"`,
  },
  'q.vn.todoHead': { de: () => 'Noch zu erledigen:', en: () => 'Still to do:' },
  'q.vn.item': { de: (p) => `– ${p.text}`, en: (p) => `– ${p.text}` },
  'q.vn.hint': { de: (p) => `Hinweis: ${p.text}`, en: (p) => `Note: ${p.text}` },
  'q.vn.complete': {
    de: (p) => (p.lead ? `Es fehlt nichts mehr: ${p.lead} kann den Nachweis einreichen.` : 'Es fehlt nichts mehr: Sie können den Nachweis einreichen („verwendungsnachweis“).'),
    en: (p) => (p.lead ? `Nothing is missing: ${p.lead} can submit the proof.` : 'Nothing is missing: you can submit the proof ("verwendungsnachweis").'),
  },
  'q.vn.submitted': {
    de: (p) => `Eingereicht am ${p.date}; es fehlt nichts, die Koordinierungsstelle prüft ihn.`,
    en: (p) => `Submitted on ${p.date}; nothing is missing, the coordinating office is reviewing it.`,
  },
  'q.vn.accepted': {
    de: (p) => `Angenommen am ${p.date}; es fehlt nichts.`,
    en: (p) => `Accepted on ${p.date}; nothing is missing.`,
  },
  'q.vn.reclaimUnknown': {
    de: (p) => `Noch nicht absehbar: Im Verwendungsnachweis ${p.year} von ${p.name} sind die Ausgaben noch nicht vollständig angegeben (Zuwendung ${p.allocation}).`,
    en: (p) => `Not yet known: the expenditure in the ${p.year} proof of ${p.name} is not complete yet (allocation ${p.allocation}).`,
  },
  'q.vn.reclaimLikely': {
    de: (p) =>
      `Voraussichtlich ja: Im Verwendungsnachweis ${p.year} von ${p.name} liegen die Ausgaben (${p.expenditure}) unter der Zuwendung (${p.allocation}); voraussichtlich werden ${p.reclaim} zurückgefordert.`,
    en: (p) =>
      `Likely yes: in the ${p.year} proof of ${p.name} the expenditure (${p.expenditure}) is below the allocation (${p.allocation}); ${p.reclaim} will likely be reclaimed.`,
  },
  'q.vn.reclaimNone': {
    de: (p) => `Voraussichtlich nicht: Im Verwendungsnachweis ${p.year} von ${p.name} decken die Ausgaben (${p.expenditure}) die Zuwendung (${p.allocation}).`,
    en: (p) => `Likely not: in the ${p.year} proof of ${p.name} the expenditure (${p.expenditure}) covers the allocation (${p.allocation}).`,
  },
  'q.vn.verbundAmounts': {
    de: (p) => `Die Beträge gelten für den ganzen Verbund (${p.members}), nicht für eine einzelne Gemeinde.`,
    en: (p) => `The amounts are for the whole joint position (${p.members}), not for a single municipality.`,
  },
  'q.vn.provisional': {
    de: () => 'Vorläufig: Es zählt der Nachweis, wie die Koordinierungsstelle ihn annimmt.',
    en: () => 'Provisional: what counts is the proof as the coordinating office accepts it.',
  },
  'q.vn.district': {
    de: (p) => `Verwendungsnachweise ${p.year} (Frist ${p.date}): ${p.summary}`,
    en: (p) => `Verwendungsnachweise ${p.year} (deadline ${p.date}): ${p.summary}`,
  },
  'q.vn.notSubmitted': {
    de: (p) => `Noch nicht eingereicht (${p.n}): ${p.names}`,
    en: (p) => `Not submitted yet (${p.n}): ${p.names}`,
  },
  'q.vn.overdueMark': { de: (p) => `${p.name} (überfällig)`, en: (p) => `${p.name} (overdue)` },
  'q.vn.returned': { de: (p) => `Mit Rückfrage zurückgegeben (${p.n}): ${p.names}`, en: (p) => `Returned with a question (${p.n}): ${p.names}` },
  'q.vn.toReview': { de: (p) => `Eingereicht, noch zu prüfen (${p.n}): ${p.names}`, en: (p) => `Submitted, to be reviewed (${p.n}): ${p.names}` },
  'q.vn.landkreisMissing': {
    de: (p) => `Zahlen des Landkreises fehlen noch (${p.n}): ${p.names}`,
    en: (p) => `District's figures still missing (${p.n}): ${p.names}`,
  },
  'q.vn.allDone': {
    de: () => 'Alle Nachweise sind eingereicht und die Zahlen des Landkreises vollständig.',
    en: () => "Every proof is submitted and the district's figures are complete.",
  },
  'q.vn.reclaimTotal': {
    de: (p) => `Voraussichtliche Rückforderung ${p.year} nach den bisher angegebenen Ausgaben: ${p.amount} aus ${nachweisenDative(p.n)}:`,
    en: (p) => `Likely reclaim ${p.year} according to the expenditure stated so far: ${p.amount} from ${proofs(p.n)}:`,
  },
  'q.vn.reclaimRow': { de: (p) => `– ${p.name}: ${p.amount}`, en: (p) => `– ${p.name}: ${p.amount}` },
  'q.vn.reclaimNoneDistrict': {
    de: (p) => `Nach den bisher angegebenen Ausgaben wird ${p.year} voraussichtlich nichts zurückgefordert.`,
    en: (p) => `According to the expenditure stated so far, nothing is likely to be reclaimed for ${p.year}.`,
  },
  'q.vn.unstated': {
    de: (p) => `Ohne vollständige Angabe der Ausgaben bisher: ${nachweise(p.n)}.`,
    en: (p) => `Without the expenditure stated in full so far: ${proofs(p.n)}.`,
  },
  'q.vn.sharedPersonal': {
    de: () => 'Hier lesen andere mit: Ihren Verwendungsnachweis und seine Zahlen nenne ich nur im persönlichen Chat („verwendungsnachweis“).',
    en: () => 'Others read along here: your Verwendungsnachweis and its figures I only tell you in our personal chat ("verwendungsnachweis").',
  },
  'q.vn.deadline': {
    de: (p) => `Die Frist der Verwendungsnachweise ${p.year} ist der ${p.date}.`,
    en: (p) => `The deadline for the Verwendungsnachweise ${p.year} is ${p.date}.`,
  },
});
