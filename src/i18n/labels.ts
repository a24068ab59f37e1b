/** Words for the procedure's fixed values (audit actions …), shared by the command line, Excel and cards. */
import type { SincePublication } from '../app/overview';
import type { ActorRef, AuditAction } from '../domain/audit';
import type { Choice } from '../domain/decision';
import type { ListState, StrikeReason, Zugangsart } from '../domain/list';
import type { Locale } from './catalogue';

/** The four states of a list (domain `ListState`) in words. */
export const LIST_STATE_LABEL: Record<Locale, Record<ListState, string>> = {
  de: { importiert: 'importiert', versendet: 'versendet', 'in-bearbeitung': 'in Bearbeitung', eingereicht: 'eingereicht' },
  en: { importiert: 'imported', versendet: 'sent', 'in-bearbeitung': 'in progress', eingereicht: 'submitted' },
};

export const STRIKE_REASON_LABEL: Record<Locale, Record<StrikeReason, string>> = {
  de: { weggezogen: 'weggezogen', verstorben: 'verstorben', 'nicht-zugezogen': 'nicht zugezogen', doppelt: 'doppelt erfasst', sonstiges: 'sonstiges' },
  en: { weggezogen: 'moved away', verstorben: 'deceased', 'nicht-zugezogen': 'never arrived', doppelt: 'recorded twice', sonstiges: 'other' },
};

export const ZUGANGSART_LABEL: Record<Locale, Record<Zugangsart, string>> = {
  de: { zuweisung: 'Zuweisung', familiennachzug: 'Familiennachzug', nachgeboren: 'nachgeboren' },
  en: { zuweisung: 'assignment', familiennachzug: 'family reunification', nachgeboren: 'born after assignment' },
};

/** Step B's choices; `offen` while nothing is decided (the Landkreis does it by default). */
export const CHOICE_LABEL: Record<Locale, Record<Choice | 'offen', string>> = {
  de: { offen: 'offen', landkreis: 'Landkreis', eigenstaendig: 'in eigener Verantwortung', verbund: 'Verbund' },
  en: { offen: 'open', landkreis: 'district', eigenstaendig: 'own position', verbund: 'joint position' },
};

/** Every audit action in words; a Record so that a new action cannot be forgotten. */
export const AUDIT_ACTION: Record<Locale, Record<AuditAction, string>> = {
  de: {
    'campaign.create': 'Kampagne angelegt',
    'campaign.update': 'Kampagne geändert',
    'campaign.import': 'Liste importiert',
    'campaign.publish': 'Übersicht veröffentlicht',
    'campaign.purge': 'Personendaten gelöscht (Zahlen aufbewahrt)',
    'list.sent': 'Liste an die Gemeinde versendet',
    'person.strike': 'Person gestrichen',
    'person.unstrike': 'Streichung aufgehoben',
    'person.addChild': 'nachgeborenes Kind nachgetragen',
    'person.addOther': 'weitere Person nachgetragen (zur Prüfung)',
    'person.withdraw': 'Nachtrag zurückgenommen',
    'person.accept': 'Nachtrag angenommen',
    'person.reject': 'Nachtrag abgelehnt',
    'list.submit': 'Liste eingereicht',
    'list.reopen': 'Liste wieder geöffnet / Frist verlängert',
    'decision.set': 'Entscheidung getroffen',
    'decision.confirm': 'Verbund bestätigt',
    'decision.withdrawConfirmation': 'Bestätigung des Verbunds zurückgezogen',
    'decision.reset': 'Entscheidung zurückgesetzt',
    'roster.assign': 'Rolle zugeordnet',
    'roster.remove': 'Rolle entzogen',
    'channel.register': 'Kanal registriert',
    'channel.unregister': 'Kanal abgemeldet (Bot aus dem Team entfernt)',
    'vn.open': 'Runde der Verwendungsnachweise eröffnet',
    'vn.deadline': 'Frist der Verwendungsnachweise geändert',
    'vn.save': 'Verwendungsnachweis als Entwurf gespeichert',
    'vn.submit': 'Verwendungsnachweis eingereicht',
    'vn.return': 'Verwendungsnachweis mit Rückfrage zurückgegeben',
    'vn.accept': 'Verwendungsnachweis angenommen',
    'vn.landkreis': 'Zahlen des Landkreises eingetragen',
    'vn.fileAttach': 'Datei zum Verwendungsnachweis angehängt',
    'vn.fileRemove': 'Datei vom Verwendungsnachweis entfernt',
  },
  en: {
    'campaign.create': 'Campaign created',
    'campaign.update': 'Campaign changed',
    'campaign.import': 'List imported',
    'campaign.publish': 'Overview published',
    'campaign.purge': 'Personal data deleted (figures kept)',
    'list.sent': 'List sent to the municipality',
    'person.strike': 'Person struck',
    'person.unstrike': 'Strike lifted',
    'person.addChild': 'Later-born child added',
    'person.addOther': 'Other person added (to be checked)',
    'person.withdraw': 'Addition withdrawn',
    'person.accept': 'Addition accepted',
    'person.reject': 'Addition rejected',
    'list.submit': 'List submitted',
    'list.reopen': 'List reopened / deadline extended',
    'decision.set': 'Decision made',
    'decision.confirm': 'Joint position confirmed',
    'decision.withdrawConfirmation': 'Confirmation of joint position withdrawn',
    'decision.reset': 'Decision reset',
    'roster.assign': 'Role assigned',
    'roster.remove': 'Role removed',
    'channel.register': 'Channel registered',
    'channel.unregister': 'Channel unregistered (bot removed from the team)',
    'vn.open': 'Verwendungsnachweis round opened',
    'vn.deadline': 'Verwendungsnachweis deadline changed',
    'vn.save': 'Verwendungsnachweis draft saved',
    'vn.submit': 'Verwendungsnachweis submitted',
    'vn.return': 'Verwendungsnachweis returned with a question',
    'vn.accept': 'Verwendungsnachweis accepted',
    'vn.landkreis': "District's own figures entered",
    'vn.fileAttach': 'File attached to the Verwendungsnachweis',
    'vn.fileRemove': 'File removed from the Verwendungsnachweis',
  },
};

/** What changed since the last publication, as one German sentence (command line and Excel); undefined when nothing did. */
export function changesSincePublicationDe(since: SincePublication): string | undefined {
  if (!since.changed) return undefined;
  const what: string[] = [];
  const n = since.changedGemeinden.length;
  if (n) what.push(`die Zahlen von ${n} ${n === 1 ? 'Gemeinde' : 'Gemeinden'}`);
  if (since.parametersChanged) what.push('die Parameter der Kampagne');
  if (since.provisionalChanged) what.push('der Stand der Listen');
  const list = what.length > 1 ? `${what.slice(0, -1).join(', ')} und ${what.at(-1)}` : what[0];
  return `Seit der Veröffentlichung haben sich ${list} geändert.`;
}

/**
 * Who acted, beside the name an entry carries: the role, and for the command line the system user.
 * `intm --by NAME` records NAME (on whose behalf); the audit must still show that the
 * Koordinierungsstelle acted, and (`account`, for the LRA's own audit) from which account – not in
 * files that may be passed on to a Gemeinde.
 */
export function actorRoleDe(actor: ActorRef, opts: { account?: boolean } = {}): string {
  const role = actor.role === 'koordination' ? 'Koordinierungsstelle' : 'Gemeinde';
  if (!actor.id.startsWith('cli:')) return role;
  return opts.account ? `${role}, Kommandozeile: Benutzer ${actor.id.slice(4)}` : `${role}, Kommandozeile`;
}
