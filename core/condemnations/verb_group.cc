// The verb group around a verb cue: auxiliaries, negation, passive (also reduced), infinitive,
// modality, progressive and refusal. Fills a VerbReading's group fields; reads tokens only.

#include <algorithm>
#include <string>
#include <vector>

#include "condemnations/pass.h"

namespace presslens {
namespace condemnations {

// The verb group around the cue: auxiliaries, negation, passive, infinitive, modality, and a
// refusal ("refused to criticise"). False when the verb is no disapproval here.
bool CondemnationPass::ReadVerbGroup(const CueEntry& e, const CueFormRef& ref, VerbReading* out) const {
  const int i = out->i, lo = out->lo, hi = out->hi, after = out->after;
  bool& negated = out->negated;
  bool& passive = out->passive;
  bool& infinitive = out->infinitive;
  bool& deontic = out->deontic;
  int& chain = out->chain;
  int& head_verb = out->head_verb;
  const VerbGroup group = VerbGroupBefore(i);
  chain = group.first;
  negated = group.negated;
  passive = group.passive;
  infinitive = group.infinitive;
  deontic = group.deontic;
  // "could object to the bid", "may criticise": a possibility, not a reported act.
  if ((group.epistemic && !PutativeModal(chain, i)) || (Future(chain, i) && !group.negated))
    return false;
  // "do not agree with X" disagrees.
  if (e.negative) {
    if (!negated) return false;
    negated = false;
  }
  if (ref.form != CueForm::kPast) passive = false;
  // "stands accused by X of Y", "remained opposed", "got dinged by critics": a stative verb
  // or "get" before a past participle is a passive's auxiliary.
  if (ref.form == CueForm::kPast && chain == i && i - 1 >= lo && Word(i - 1) &&
      (Is(t_.stative_aux, i - 1) || (Is(words_.passive_aux, i - 1) && !Is(words_.aux, i - 1)))) {
    const VerbGroup g = VerbGroupBefore(i - 1);
    chain = g.first;
    negated |= g.negated;
    passive = true;
  }
  // "The budget, criticised by unions, passed", "attacks blamed on guerrillas", "His call,
  // denounced as inhumane, has support": a past participle right after its noun (or its
  // comma) is a reduced passive.
  if (ref.form == CueForm::kPast && chain == i && i - 1 >= lo && after + 1 < hi &&
      (Punct(i - 1, ",") || (Content(i - 1) && !VerbLike(i - 1))) &&
      (Is(t_.agent_preposition, after) || (e.blame && L(after) == "on") ||
       ReducedPassiveLabel(after, hi)) &&
      !Is(words_.time, after + 1)) {
    passive = true;
    out->reduced_passive = true;
  }
  // "Hillary Clinton Accused Of Shocking Act": a headline drops the "is" of a passive, so a
  // past participle right after its subject with no object after it is one.
  if (ref.form == CueForm::kPast && chain == i && !passive && i - 1 >= lo && Content(i - 1) &&
      !VerbLike(i - 1) && HeadlineAt(i) &&
      (after >= hi || (after + 1 == hi && Kind(after) == TokenKind::kPunct) ||
       (Word(after) && Is(words_.stop, after) && !Is(words_.det, after) &&
        !Is(words_.pronoun, after))))
    passive = true;
  bool& progressive = out->progressive;
  // "is criticising", "is not criticising", "am not yet condemning".
  int be_at = i - 1;
  while (be_at > chain && (Is(words_.negator, be_at) || Adverb(be_at) || L(be_at) == "yet")) --be_at;
  progressive = ref.form == CueForm::kGerund && chain < i && Is(words_.passive_aux, be_at);
  if (progressive) passive = false;
  // "opposed to X" after "be" is an adjective with an active meaning ("is opposed to");
  // without "be" it describes people ("people opposed to the government": a role, like
  // "opponents") or is an idiom ("as opposed to").
  if (ref.form == CueForm::kPast && after < hi && L(after) == "to" && e.lemma == "oppose") {
    if (!passive) return false;
    passive = false;
  }
  if (RequestOrHypothetical(i, chain) || DeniedClause(i, chain)) return false;
  // "alleged deployment", "the accused": a past participle used as an adjective or noun.
  if (ref.form == CueForm::kPast && chain == i && i - 1 >= lo &&
      (Is(words_.det, i - 1) || Possessive(i - 1)) && !RelativeThat(i - 1, lo) &&
      !FloatingQuantifier(i - 1, lo))
    return false;

  // Refusal: "refused to criticise", "stopped short of condemning", "declined to condemn".
  if (infinitive || (ref.form == CueForm::kGerund && i - 1 >= lo &&
                     Is(t_.refusal_preposition, i - 1))) {
    int r = infinitive ? chain - 1 : i - 2;
    if (!infinitive && r >= lo && L(r) == "short") --r;  // "stopped short of"
    if (r >= lo && Word(r) && Is(words_.refusal, r)) {
      negated = true;
      head_verb = r;
    }
  }
  // "avoids condemning", "stopped criticising": a gerund right after a refusal verb.
  if (ref.form == CueForm::kGerund && chain == i && i - 1 >= lo && Word(i - 1) &&
      Is(words_.refusal, i - 1)) {
    negated = true;
    head_verb = i - 1;
  }
  // "urged them to refrain from attacking", "asked the candidates to discuss ... and refrain
  // from attacking": a requested refusal is no reported act (an infinitive coordinated with a
  // requested one is requested too).
  if (head_verb >= 0) {
    const int hv = VerbGroupBefore(head_verb).first;
    if (RequestOrHypothetical(head_verb, hv)) return false;
    if (hv - 1 >= lo && Word(hv - 1) && Is(t_.noun_coordinator, hv - 1)) {
      for (int k = hv - 2; k >= lo && hv - k < 12; --k) {
        if (Punct(k, ",") || Punct(k, ";")) break;
        if (Word(k) && L(k) == "to" && k + 1 < hv && RequestOrHypothetical(k + 1, k + 1))
          return false;
      }
    }
  }

  // "Trump attacked ...", "she attacked ...", "Biden tried to attack ...": a person's attack
  // is verbal.
  int subject = chain - 1;
  if (head_verb >= 0)
    subject = VerbGroupBefore(head_verb).first - 1;
  else if (infinitive && subject >= lo && Word(subject) && mention_at_[subject] < 0 &&
           !Is(words_.pronoun, subject) && !Is(words_.stop, subject))
    subject = VerbGroupBefore(subject).first - 1;
  if (subject >= lo && mention_at_[subject] >= 0)
    out->person_source = doc_.mentions[mention_at_[subject]].type == EntityType::kPerson;
  else if (subject >= lo && Word(subject))
    out->person_source = Is(t_.person_pronoun, subject);

  // Moscow "strongly condemns" the strike: the closing mark of a quote around the verb.
  int a = after;
  if (Kind(chain) == TokenKind::kQuote && a < hi && Kind(a) == TokenKind::kQuote &&
      open_mark_[a] == 2)
    ++a;
  a = SkipForward(a, hi);
  // "alleged Thursday that", "criticized Monday the decision to ...": a weekday alone after the
  // verb (news style).
  if (a + 1 < hi && Word(a) && Cap(a) && Is(words_.time, a) && L(a).size() > 3 &&
      L(a).compare(L(a).size() - 3, 3, "day") == 0 && Word(a + 1) &&
      (L(a + 1) == "that" || Is(words_.det, a + 1)))
    ++a;
  // "alleged (without much evidence) that": a parenthesis between the verb and its clause.
  if (a < hi && Punct(a, "(")) {
    int c = a + 1;
    while (c < hi && c < a + 12 && !Punct(c, ")")) ++c;
    if (c + 1 < hi && Punct(c, ")") && Word(c + 1) && L(c + 1) == "that") a = c + 1;
  }
  out->a = a;
  return true;
}

}  // namespace condemnations
}  // namespace presslens
