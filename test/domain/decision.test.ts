import { assessDecision, confirmVerbund, decide, DecisionBook, DecisionContext, emptyDecisionBook } from '../../src/domain/decision';
import { Decimal } from '../../src/domain/money';
import { ABSTATT, BRACKENHEIM, campaign2025, coordinator, EPPINGEN, refusalCode, staff, verzeichnis } from '../fixtures';

const CLEEBRONN = '08125017';
const knownAgs = new Set(verzeichnis.all.map((g) => g.ags));

function ctx(actor = staff(ABSTATT), today = '2024-03-01'): DecisionContext {
  return { actor, now: `${today}T10:00:00.000Z`, today, campaign: campaign2025(), knownAgs };
}


const amounts = new Map<string, Decimal>([
  [ABSTATT, new Decimal(18360)],
  [BRACKENHEIM, new Decimal(12000)],
  [CLEEBRONN, new Decimal(9000)],
  [EPPINGEN, new Decimal(50000)],
]);

describe('decision (step B)', () => {
  test('without a decision the Landkreis does it; the assessment shows what 0.5 VZÄ would cost', () => {
    const s = assessDecision(emptyDecisionBook(2025), ABSTATT, amounts, campaign2025());
    expect(s.choice).toBe('offen');
    expect(s.valid).toBe(true);
    expect(s.fundedVzae.toFixed(2)).toBe('0.27');
    expect(s.positionCost.toFixed(2)).toBe('34000.00');
    expect(s.missingEigenmittel.toFixed(2)).toBe('15640.00');
  });

  test('Landkreis, and deciding the same twice changes nothing', () => {
    const first = decide(emptyDecisionBook(2025), { ags: ABSTATT, choice: 'landkreis' }, ctx());
    expect(first.entries).toHaveLength(1);
    expect(first.book.revision).toBe(1);
    const again = decide(first.book, { ags: ABSTATT, choice: 'landkreis' }, ctx());
    expect(again.entries).toHaveLength(0);
    expect(refusalCode(() => decide(emptyDecisionBook(2025), { ags: ABSTATT, choice: 'landkreis', vzae: 1 }, ctx()))).toBe('decision.landkreisNoPosition');
  });

  test('eigenständig needs at least 0.5 VZÄ; reports coverage and missing Eigenmittel', () => {
    expect(refusalCode(() => decide(emptyDecisionBook(2025), { ags: ABSTATT, choice: 'eigenstaendig' }, ctx()))).toBe('decision.positionRequired');
    expect(refusalCode(() => decide(emptyDecisionBook(2025), { ags: ABSTATT, choice: 'eigenstaendig', vzae: '0.49' }, ctx()))).toBe('decision.positionTooSmall');
    const { book } = decide(emptyDecisionBook(2025), { ags: ABSTATT, choice: 'eigenstaendig', vzae: '0.5', eigenmittel: '10000', traeger: 'Caritas' }, ctx());
    const s = assessDecision(book, ABSTATT, amounts, campaign2025());
    expect(s.valid).toBe(true);
    expect(s.missingEigenmittel.toFixed(2)).toBe('15640.00');
    expect(s.eigenmittelDeclared.toFixed(2)).toBe('10000.00');
    expect(s.covered).toBe(false);
    expect(book.decisions[ABSTATT].traeger).toBe('Caritas');
    const enough = decide(book, { ags: ABSTATT, choice: 'eigenstaendig', vzae: '0.5', eigenmittel: '15640' }, ctx()).book;
    expect(assessDecision(enough, ABSTATT, amounts, campaign2025()).covered).toBe(true);
  });

  test('staff decide only for their own Gemeinde', () => {
    expect(refusalCode(() => decide(emptyDecisionBook(2025), { ags: BRACKENHEIM, choice: 'landkreis' }, ctx()))).toBe('auth.otherGemeinde');
    expect(refusalCode(() => confirmVerbund(emptyDecisionBook(2025), { ags: BRACKENHEIM, lead: ABSTATT }, ctx()))).toBe('auth.otherGemeinde');
  });

  describe('Verbund', () => {
    const proposed = (): DecisionBook =>
      decide(emptyDecisionBook(2025), { ags: ABSTATT, choice: 'verbund', vzae: '0.5', partners: [BRACKENHEIM, CLEEBRONN] }, ctx()).book;

    test('valid only when every partner has confirmed; shares are pooled', () => {
      let book = proposed();
      let s = assessDecision(book, ABSTATT, amounts, campaign2025());
      expect(s.valid).toBe(false);
      expect(s.unconfirmed).toEqual([BRACKENHEIM, CLEEBRONN]);
      book = confirmVerbund(book, { ags: BRACKENHEIM, lead: ABSTATT }, ctx(staff(BRACKENHEIM))).book;
      expect(assessDecision(book, ABSTATT, amounts, campaign2025()).unconfirmed).toEqual([CLEEBRONN]);
      const confirmedTwice = confirmVerbund(book, { ags: BRACKENHEIM, lead: ABSTATT }, ctx(staff(BRACKENHEIM)));
      expect(confirmedTwice.entries).toHaveLength(0);
      book = confirmVerbund(book, { ags: CLEEBRONN, lead: ABSTATT }, ctx(staff(CLEEBRONN))).book;
      s = assessDecision(book, ABSTATT, amounts, campaign2025());
      expect(s.valid).toBe(true);
      expect(s.members).toEqual([ABSTATT, BRACKENHEIM, CLEEBRONN]);
      expect(s.fundedAmount.toFixed(2)).toBe('39360.00');
      expect(s.missingEigenmittel.isZero()).toBe(true);
      // A partner is assessed as part of the Verbund.
      const partner = assessDecision(book, CLEEBRONN, amounts, campaign2025());
      expect(partner.choice).toBe('verbund');
      expect(partner.valid).toBe(true);
      expect(partner.fundedAmount.toFixed(2)).toBe('39360.00');
    });

    test('rules for partners', () => {
      const empty = emptyDecisionBook(2025);
      expect(refusalCode(() => decide(empty, { ags: ABSTATT, choice: 'verbund', vzae: '0.5' }, ctx()))).toBe('decision.partnersRequired');
      expect(refusalCode(() => decide(empty, { ags: ABSTATT, choice: 'verbund', vzae: '0.5', partners: [ABSTATT] }, ctx()))).toBe('decision.partnerSelf');
      expect(refusalCode(() => decide(empty, { ags: ABSTATT, choice: 'verbund', vzae: '0.5', partners: ['08121000'] }, ctx()))).toBe('gemeinde.unknownKey');
      expect(refusalCode(() => decide(empty, { ags: ABSTATT, choice: 'eigenstaendig', vzae: '0.5', partners: [BRACKENHEIM] }, ctx()))).toBe('decision.partnersOnlyForVerbund');
      expect(refusalCode(() => confirmVerbund(empty, { ags: BRACKENHEIM, lead: ABSTATT }, ctx(staff(BRACKENHEIM))))).toBe('decision.noSuchVerbund');
      const book = confirmVerbund(proposed(), { ags: BRACKENHEIM, lead: ABSTATT }, ctx(staff(BRACKENHEIM))).book;
      // Brackenheim confirmed Abstatt's Verbund: Eppingen cannot claim it too.
      expect(refusalCode(() => decide(book, { ags: EPPINGEN, choice: 'verbund', vzae: '1', partners: [BRACKENHEIM] }, ctx(staff(EPPINGEN))))).toBe('decision.partnerInOtherVerbund');
      expect(refusalCode(() => decide(book, { ags: EPPINGEN, choice: 'verbund', vzae: '1', partners: [ABSTATT] }, ctx(staff(EPPINGEN))))).toBe('decision.partnerIsLead');
    });

    test('a partner that confirmed another Verbund, or decided for a position of its own, brings no share to a proposal naming it', () => {
      // Eppingen names Brackenheim first; then Brackenheim confirms Abstatt's Verbund.
      let book = decide(proposed(), { ags: EPPINGEN, choice: 'verbund', vzae: '1', partners: [BRACKENHEIM] }, ctx(staff(EPPINGEN))).book;
      expect(assessDecision(book, EPPINGEN, amounts, campaign2025()).fundedAmount.toFixed(2)).toBe('62000.00');
      book = confirmVerbund(book, { ags: BRACKENHEIM, lead: ABSTATT }, ctx(staff(BRACKENHEIM))).book;
      const eppingen = assessDecision(book, EPPINGEN, amounts, campaign2025());
      expect(eppingen.fundedAmount.toFixed(2)).toBe('50000.00');
      expect(eppingen.valid).toBe(false);
      expect(eppingen.covered).toBe(false);
      // Abstatt's Verbund still counts Brackenheim, which confirmed it, and Cleebronn, which has not decided yet.
      expect(assessDecision(book, ABSTATT, amounts, campaign2025()).fundedAmount.toFixed(2)).toBe('39360.00');
      // Cleebronn chose the Landkreis before it was named: its share still counts for the proposal ...
      const early = decide(emptyDecisionBook(2025), { ags: CLEEBRONN, choice: 'landkreis' }, ctx(staff(CLEEBRONN))).book;
      const named = decide(early, { ags: ABSTATT, choice: 'verbund', vzae: '0.5', partners: [BRACKENHEIM, CLEEBRONN] }, ctx()).book;
      expect(assessDecision(named, ABSTATT, amounts, campaign2025()).fundedAmount.toFixed(2)).toBe('39360.00');
      // ... but choosing the Landkreis after the proposal declines it.
      const declined = decide(named, { ags: CLEEBRONN, choice: 'landkreis' }, ctx(staff(CLEEBRONN)));
      expect(declined.entries).toHaveLength(0); // the same choice again changes nothing: still counted
      const other = decide(decide(named, { ags: CLEEBRONN, choice: 'eigenstaendig', vzae: '0.5' }, ctx(staff(CLEEBRONN))).book, { ags: CLEEBRONN, choice: 'landkreis' }, ctx(staff(CLEEBRONN))).book;
      expect(assessDecision(other, ABSTATT, amounts, campaign2025()).fundedAmount.toFixed(2)).toBe('30360.00');
      // Cleebronn decides eigenständig: its share pays its own position, not Abstatt's Verbund.
      book = decide(book, { ags: CLEEBRONN, choice: 'eigenstaendig', vzae: '0.5', eigenmittel: '25000' }, ctx(staff(CLEEBRONN))).book;
      expect(assessDecision(book, ABSTATT, amounts, campaign2025()).fundedAmount.toFixed(2)).toBe('30360.00');
    });

    test('changing the terms resets the confirmations; a partner deciding otherwise leaves the Verbund', () => {
      let book = confirmVerbund(proposed(), { ags: BRACKENHEIM, lead: ABSTATT }, ctx(staff(BRACKENHEIM))).book;
      const changed = decide(book, { ags: ABSTATT, choice: 'verbund', vzae: '0.75', partners: [BRACKENHEIM, CLEEBRONN] }, ctx());
      expect(changed.entries.map((e) => e.action)).toEqual(['decision.reset', 'decision.set']);
      expect(changed.book.decisions[BRACKENHEIM]).toBeUndefined();
      expect(changed.book.decisions[ABSTATT].confirmations).toEqual({});
      book = confirmVerbund(changed.book, { ags: BRACKENHEIM, lead: ABSTATT }, ctx(staff(BRACKENHEIM))).book;
      const left = decide(book, { ags: BRACKENHEIM, choice: 'landkreis' }, ctx(staff(BRACKENHEIM)));
      expect(left.entries.map((e) => e.action)).toEqual(['decision.withdrawConfirmation', 'decision.set']);
      expect(left.book.decisions[ABSTATT].confirmations).toEqual({});
      expect(assessDecision(left.book, ABSTATT, amounts, campaign2025()).valid).toBe(false);
    });
  });

  test('locked after the deadline; the Koordinierungsstelle may still override, marked as such', () => {
    const late = '2024-06-01';
    expect(refusalCode(() => decide(emptyDecisionBook(2025), { ags: ABSTATT, choice: 'landkreis' }, ctx(staff(ABSTATT), late)))).toBe('decision.locked');
    const proposedBook = decide(emptyDecisionBook(2025), { ags: ABSTATT, choice: 'verbund', vzae: '0.5', partners: [BRACKENHEIM] }, ctx()).book;
    expect(refusalCode(() => confirmVerbund(proposedBook, { ags: BRACKENHEIM, lead: ABSTATT }, ctx(staff(BRACKENHEIM), late)))).toBe('decision.locked');
    // The override says why: without a reason it is refused.
    expect(refusalCode(() => decide(emptyDecisionBook(2025), { ags: ABSTATT, choice: 'eigenstaendig', vzae: '1' }, ctx(coordinator, late)))).toBe('decision.overrideReasonRequired');
    const override = decide(emptyDecisionBook(2025), { ags: ABSTATT, choice: 'eigenstaendig', vzae: '1', reason: 'Schreiben vom 28.05.' }, ctx(coordinator, late));
    expect(override.book.decisions[ABSTATT].override).toBe(true);
    expect(override.entries[0].reason).toBe('Änderung durch die Koordinierungsstelle nach Fristablauf: Schreiben vom 28.05.');
    // A confirmation recorded for a partner after the deadline needs a reason too, and keeps it.
    expect(refusalCode(() => confirmVerbund(proposedBook, { ags: BRACKENHEIM, lead: ABSTATT }, ctx(coordinator, late)))).toBe('decision.overrideReasonRequired');
    const confirmed = confirmVerbund(proposedBook, { ags: BRACKENHEIM, lead: ABSTATT, reason: 'Mail vom 30.05.' }, ctx(coordinator, late));
    expect(confirmed.entries.at(-1)!.reason).toBe('Änderung durch die Koordinierungsstelle nach Fristablauf: Mail vom 30.05.');
    expect(override.entries[0].actor.role).toBe('koordination');
  });
});
