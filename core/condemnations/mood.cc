// Clauses that report no act of disapproval, or a negated one: requests and conditions,
// denials, negated beliefs, predictions, possibility, putative "would". Reads tokens only.

#include <algorithm>
#include <string>
#include <vector>

#include "condemnations/pass.h"

namespace presslens {
namespace condemnations {

// "urged X to condemn", "called on X to condemn", "if the company rejects": no finding.
bool CondemnationPass::RequestOrHypothetical(int cue, int chain_start) const {
  int lo = SentFirst(cue);
  // Hypothetical: an if/unless/whether earlier in the same clause.
  for (int k = cue - 1; k >= lo && cue - k < 25; --k) {
    if (Punct(k, ";") || Punct(k, ":")) break;
    if (Word(k) && Is(words_.hypothetical, k)) return true;
    if (Punct(k, ",")) break;
  }
  // "Should the board raise fees, students will protest", "If the plant opens, residents will
  // object": a conditional clause opens the sentence and the cue's verb group has a modal.
  {
    int s = lo;
    while (s < cue && (Kind(s) == TokenKind::kQuote || (Word(s) && Is(words_.clause_conjunction, s))))
      ++s;
    const bool inverted = s + 1 < cue && Word(s) &&
                          Is(t_.inversion_aux, s) &&
                          (Is(words_.det, s + 1) || Is(words_.pronoun, s + 1) || Cap(s + 1));
    const bool opened = s < cue && Word(s) && (Is(words_.hypothetical, s) || inverted);
    if (opened) {
      bool comma = false, modal = false;
      for (int k = s + 1; k < chain_start; ++k) comma |= Punct(k, ",");
      for (int k = chain_start; k < cue; ++k)
        modal |= Word(k) && (Is(t_.epistemic_modal, k) || Is(t_.future_modal, k));
      if (comma && (modal || inverted)) return true;
    }
  }
  // "Moscow may criticise the plan if it is adopted": a conditional modal with its "if".
  bool conditional = false;
  for (int k = chain_start; k < cue; ++k)
    conditional |= Is(t_.conditional, k);
  if (conditional) {
    int hi = SentLast(cue);
    for (int k = cue + 1; k < hi && k < cue + 25; ++k) {
      if (Punct(k, ";")) break;
      if (Word(k) && Is(t_.condition_conjunction, k)) return true;
    }
  }
  // Request: a request verb shortly before an infinitive "to".
  bool to = false;
  for (int k = chain_start; k < cue; ++k) to |= L(k) == "to";
  // "considers how to attack Sanders", "figuring out whether to condemn": a deliberation.
  if (to || (chain_start - 1 >= lo && L(chain_start - 1) == "to")) {
    int k = chain_start;
    while (k < cue && L(k) != "to") ++k;
    if (k == cue) k = chain_start - 1;
    if (k - 1 >= lo && Word(k - 1) && Is(t_.deliberation_word, k - 1))
      return true;
  }
  if (to || (chain_start - 1 >= lo && L(chain_start - 1) == "to")) {
    for (int k = chain_start - 1; k >= lo && chain_start - k < 10; --k) {
      if (Punct(k, ",") || Punct(k, ";")) break;
      if (Word(k) && Is(words_.request, k)) {
        // "called for a strike to protest X": the strike's purpose, not a request to protest.
        int f = SkipTime(k + 1, chain_start);
        if (f + 1 < chain_start && L(f) == "for") {
          bool event = false;
          for (int e = f + 1; e < chain_start; ++e) event |= Is(t_.event, e);
          if (event) return false;
        }
        return true;
      }
    }
  }
  return false;
}

// "denied that his government had condemned anyone", "denied condemning the strike": the cue
// is in the clause a denial verb denies.
bool CondemnationPass::DeniedClause(int cue, int chain_start) const {
  const int lo = SentFirst(cue);
  auto denial_before = [&](int k) {
    while (k >= lo && Adverb(k)) --k;
    return k >= lo && Word(k) && Is(words_.denial, k);
  };
  if (denial_before(chain_start - 1)) return true;
  // "denied it had criticised the court": a clause without "that" right after the denial.
  const Phrase subject = SubjectBefore(chain_start - 1, lo);
  if (!subject.empty() && subject.last == chain_start && denial_before(subject.first - 1))
    return true;
  for (int k = chain_start - 1; k >= lo && chain_start - k < 15; --k) {
    if (Punct(k, ";") || Punct(k, ":") || IsCueForm(k)) return false;
    if (Word(k) && L(k) == "that") return denial_before(k - 1);
  }
  return false;
}

// "They don't want to think we're blaming X", "I don't believe they criticised it": the cue's
// clause is the complement of a negated verb of thinking, wanting or saying.
bool CondemnationPass::NotAsserted(int chain_start) const {
  const int lo = SentFirst(chain_start);
  for (int k = chain_start - 1; k >= lo && chain_start - k < 12; --k) {
    if (Kind(k) == TokenKind::kPunct || IsCueForm(k)) return false;
    if (!Word(k) || !Is(t_.non_assertive, k)) continue;
    VerbGroup g = VerbGroupBefore(k);
    if (g.negated) return true;
    // "don't want to think": the verb the infinitive hangs from.
    const int h = g.first - 1;
    if (g.infinitive && h >= lo && Word(h) && Is(t_.non_assertive, h)) return VerbGroupBefore(h).negated;
    return false;
  }
  return false;
}

// "will lead the opposition", "is going to condemn": a future modal or "going to" in the
// verb group [first, verb). An act predicted is no finding (ANNOTATION.md: predicted); one
// refused ("We are not going to condemn ...") is a negated finding.
bool CondemnationPass::Future(int first, int verb) const {
  for (int k = first; k < verb; ++k)
    if (Word(k) && (Is(t_.future_modal, k) ||
                    (Is(words_.future_to, k) && k + 1 < verb && L(k + 1) == "to")))
      return true;
  return false;
}

// "It is strange that Trump would denounce X": a "would" or "should" in the verb group
// [chain, cue) of a "that" clause after an adjective of evaluation ([factive-adjective])
// reports the act as a fact, no possibility.
bool CondemnationPass::PutativeModal(int chain, int cue) const {
  bool putative = false;
  for (int k = chain; k < cue; ++k) {
    if (!Word(k)) continue;
    if (Is(t_.putative_modal, k)) putative = true;
    else if (Is(t_.epistemic_modal, k)) return false;
  }
  if (!putative) return false;
  const int lo = SentFirst(cue);
  const Phrase subject = SubjectBefore(chain - 1, lo);
  if (subject.empty()) return false;
  const int that = subject.first - 1;
  return that - 1 >= lo && Word(that) && L(that) == "that" && Word(that - 1) &&
         Is(t_.factive_adjective, that - 1);
}

// "ways to criticize", "a reason to oppose": token k is a noun of possibility or intent
// before an infinitive; not after a possessive, which reports an act ("went out of his way to
// criticize", "used their time to criticize").
bool CondemnationPass::IrrealisNoun(int k, int lo) const {
  if (k < lo || !Word(k) || !Is(t_.irrealis_noun, k)) return false;
  int b = k - 1;
  while (b >= lo && Word(b) && Content(b) && !VerbLike(b) && k - b < 3) --b;
  return !(b >= lo && (Possessive(b) || (Word(b) && Is(t_.possessive_pronoun, b))));
}

}  // namespace condemnations
}  // namespace presslens
