/** Who does something. Every change is attributed to an actor; the audit trail shows them. */
export type Role = 'koordination' | 'gemeinde';

export interface Actor {
  /** Stable id: an Entra object id in Teams, `cli:<user>` on the command line. */
  id: string;
  /** Display name, shown in the audit trail and on cards ("eingereicht von …"). */
  name: string;
  role: Role;
  /** For staff of a Gemeinde: the Gemeinde's AGS (for a clerk of several Gemeinden: the first). */
  ags?: string;
  /** A clerk of several Gemeinden: all of them, `ags` first. Absent for a clerk of one. */
  gemeinden?: readonly string[];
}

export function isKoordination(actor: Actor): boolean {
  return actor.role === 'koordination';
}

/** The Gemeinden a clerk works for (none for the Koordinierungsstelle). */
export function gemeindenOf(actor: Actor): readonly string[] {
  if (actor.role !== 'gemeinde') return [];
  return actor.gemeinden ?? (actor.ags ? [actor.ags] : []);
}

/** Whether the actor may act for the Gemeinde `ags`: the Koordinierungsstelle for all, staff for their own. */
export function actsFor(actor: Actor, ags: string): boolean {
  return isKoordination(actor) || gemeindenOf(actor).includes(ags);
}
