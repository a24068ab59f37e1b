/** Who does something. Every change is attributed to an actor; the audit trail shows them. */
export type Role = 'koordination' | 'gemeinde';

export interface Actor {
  /** Stable id: an Entra object id in Teams, `cli:<user>` on the command line. */
  id: string;
  /** Display name, shown in the audit trail and on cards ("eingereicht von …"). */
  name: string;
  role: Role;
  /** For staff of a Gemeinde: the Gemeinde's AGS. */
  ags?: string;
}

export function isKoordination(actor: Actor): boolean {
  return actor.role === 'koordination';
}
