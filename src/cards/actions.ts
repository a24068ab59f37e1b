/**
 * The contract between the cards and the bot: every Action.Execute verb and the data its button
 * carries. Card data holds only ids, the list revision, the page and an operation id – never a
 * person's name or birth date, and nothing the bot trusts for who may do what: the bot reloads the
 * state and re-checks role and rule on every action.
 *
 * Input fields of a form (Input.*) arrive merged into the same data object (Action.Execute does that).
 */

export const VERBS = {
  /** Opens a Gemeinde's list (from a notice, a reminder, or any "Liste prüfen" button). */
  listOpen: 'list.open',
  /**
   * The channel status card's "Meine Liste öffnen" (data {year}): the list of the clicker's own Gemeinde,
   * found in the roster – the card itself names no Gemeinde to open.
   */
  listMine: 'list.mine',
  /** The channel status card's "Meine Entscheidung öffnen" after publication (data {year}). */
  decisionMine: 'decision.mine',
  /** Coordinators: sends the decision cards again to the staff of the Gemeinden whose delivery failed (data {year, ags: "AGS,AGS"}). */
  decisionResend: 'decision.resend',
  /** Another page of the list. */
  listPage: 'list.page',
  /**
   * The list card's Universal Actions `refresh`: Teams sends it (trigger "automatic") when a clerk looks
   * at the card again, and the bot answers with the list as it stands now.
   */
  listRefresh: 'list.refresh',
  /** Shows the form to strike one person (reason, note). */
  strikeForm: 'person.strikeForm',
  /** Strikes a person: inputs `reason`, `note`. */
  strike: 'person.strike',
  /** Lifts a strike or withdraws an addition. */
  undo: 'person.undo',
  /** Shows the form to add a later-born child to a household. */
  childForm: 'child.form',
  /** Adds the child: inputs `parentId`, `surname`, `givenName`, `birthDate`. */
  childAdd: 'child.add',
  /** Shows the form to add another person (needs a justification). */
  otherForm: 'other.form',
  /** Adds the person: inputs `surname`, `givenName`, `birthDate`, `assignmentDate`, `zugangsart`, `householdId`, `justification`. */
  otherAdd: 'other.add',
  /** Shows the confirmation before submitting, with the resulting count. */
  submitConfirm: 'list.submitConfirm',
  /** Submits the list (binding). */
  submit: 'list.submit',
  /** Coordinators: the dashboard of all Gemeinden (refresh / other page). */
  dashboard: 'dashboard.show',
  /** Coordinators: the additions waiting for a decision. */
  additions: 'additions.show',
  /** Coordinators: accept a pending addition. */
  additionAccept: 'addition.accept',
  /** Coordinators: the form to reject an addition (a reason is required). */
  additionRejectForm: 'addition.rejectForm',
  /** Coordinators: reject it: input `note`. */
  additionReject: 'addition.reject',
  /** Coordinators: reopen a submitted list: optional inputs `until` (date), `reason`. */
  reopen: 'list.reopen',

  /** Step B: opens a Gemeinde's decision card (data {year, ags}). */
  decisionOpen: 'decision.open',
  /**
   * Step B: from the decision form to the confirmation: inputs `choice` (landkreis|eigenstaendig|verbund),
   * `vzae`, `eigenmittel`, `traeger`, `partners` (comma-separated AGS, as Input.ChoiceSet isMultiSelect sends them).
   */
  decisionReview: 'decision.review',
  /** Step B: makes the decision binding; the confirmation card carries the reviewed values in its data. */
  decisionSet: 'decision.set',
  /** Step B: a partner confirms the Verbund a lead proposed (data {year, ags, lead, proposal}). */
  verbundConfirm: 'verbund.confirm',
  /** Verwendungsnachweis: opens a Gemeinde's card (data {year, ags}; a Verbund partner's is its lead's). */
  vnOpen: 'vn.open',
  /**
   * Verwendungsnachweis: saves the draft (data {year, ags, rev, op}); inputs `personnel`, `other`, `eigenmittel`,
   * `traeger`, `traegerAmount`, `m1`…`m12` (VZÄ), `fig_<key figure id>`, `share_<AGS>`, `text`.
   */
  vnSave: 'vn.save',
  /** Verwendungsnachweis "Einreichen": saves the inputs like vnSave, then the confirmation with figures and findings. */
  vnReview: 'vn.review',
  /** Verwendungsnachweis: submits for good (data {year, ags, rev, op}; `rev` as the confirmation showed it). */
  vnSubmit: 'vn.submit',
  /** Coordinators: returns a submitted Nachweis with a question (data {year, ags, rev, op}; input `question`). */
  vnReturn: 'vn.return',
  /** Coordinators: accepts a submitted Nachweis (data {year, ags, rev, op}). */
  vnAccept: 'vn.accept',
  /** Coordinators: creates the campaign from the form: inputs `year`, `kreisAmount` or `landesmittel`+`quote`, `unit`, `eurPerVzae`. */
  campaignCreate: 'campaign.create',
  /** Coordinators: publishes the overview (data {year, force?}). */
  publish: 'overview.publish',
  /** Coordinators: the provisional allocation (data {year}). */
  allocation: 'allocation.show',
  /** Coordinators: every Gemeinde's persons, amount and VZÄ per Berechnungsjahr up to `year` (data {year}). */
  history: 'history.show',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];

/** What every action of a list card carries. */
export interface ListActionData {
  year: number;
  ags: string;
  /** The page the user was on (0-based), to come back to it. */
  page?: number;
  /** The list revision the card showed: a change against another revision is refused as stale. */
  rev?: number;
  /** Operation id: the same id twice is applied once (Teams retries, mobile clients double-submit). */
  op?: string;
  personId?: string;
  /** For the child form: the household the child is added to. */
  householdId?: string;
}

/** Values a form sends back with its action (all strings, as Adaptive Card inputs deliver them). */
export interface FormInputs {
  reason?: string;
  note?: string;
  parentId?: string;
  surname?: string;
  givenName?: string;
  /** Input.Date delivers ISO `JJJJ-MM-TT`. */
  birthDate?: string;
  assignmentDate?: string;
  zugangsart?: string;
  householdId?: string;
  justification?: string;
  until?: string;
  /** Step B inputs. */
  choice?: string;
  vzae?: string;
  eigenmittel?: string;
  traeger?: string;
  partners?: string;
  /** Campaign form inputs. */
  kreisAmount?: string;
  landesmittel?: string;
  quote?: string;
  unit?: string;
  eurPerVzae?: string;
}

/**
 * A deterministic operation id for a button: the same button on the same card revision always
 * carries the same id, so a double click is applied once; after any change the card is re-rendered
 * with a new revision and therefore new ids.
 */
export function operationId(verb: Verb, data: { ags: string; rev?: number; personId?: string; householdId?: string }): string {
  return [verb, data.ags, data.rev ?? 0, data.personId ?? data.householdId ?? ''].join(':');
}
