// Sense filters: whether an attack is verbal or physical, and the objects that make a cue
// something else or that it cannot disapprove of. Read a VerbReading; write nothing.

#include <algorithm>
#include <string>
#include <vector>

#include "condemnations/pass.h"

namespace presslens {
namespace condemnations {

// An attack in its physical sense: a word of violence, weapons or harm in the clause of the
// object inside [lo, hi) ([physical-attack]), or an instrument after the object ("attacked him with a
// bottle"; "with insults" is verbal, [verbal-means]).
bool CondemnationPass::PhysicalAttack(Phrase object, int lo, int hi) const {
  // The object's clause: from the punctuation before it to the punctuation after it ("an
  // attack on Sen. Ruiz, whose military record ..." stays verbal).
  int from = lo, to = hi;
  if (!object.empty()) {
    auto boundary = [&](int t) {
      return Punct(t, ",") || Punct(t, ";") || Punct(t, ":") || Dash(t) || Punct(t, "(") ||
             Punct(t, ")");
    };
    from = object.first;
    while (from > lo && !boundary(from - 1)) --from;
    to = object.last;
    while (to < hi && !boundary(to)) ++to;
  }
  for (int t = from; t < to; ++t)
    if (Word(t) && Is(t_.physical_attack, t)) return true;
  if (object.empty()) return false;
  const int n = SkipForward(object.last, hi);
  if (n < hi && Word(n) && L(n) == "with") {
    const Phrase means = ForwardNP(n + 1, hi, nullptr, false);
    if (!means.empty() && !AnyIn(t_.verbal_means, means)) return true;
  }
  return false;
}

// A verbal-only cue is verbal when its object is something said or decided or a reason or
// label follows ("attacked Britain for allowing ..."); otherwise it is physical in a sentence
// of violence; otherwise a person as its subject ("Rubio attacked him") makes it verbal, and a
// person or actor as its object does so when the source, read later, is an actor
// ("none of his rivals attacked him"; "ads attacking Trump" is no finding).
CondemnationPass::Verbal CondemnationPass::VerbalSense(Phrase target, int lo, int hi, bool person_source,
                                   bool reason) const {
  if (AnyIn(t_.verbal_object, target) || reason) return Verbal::kYes;
  if (PhysicalAttack(target, lo, hi)) return Verbal::kNo;
  if (person_source) return Verbal::kYes;
  // A person, or a role noun for one as the head ("the former governor").
  if (PersonPhrase(target) || (target.last > target.first && Word(target.last - 1) &&
                               Is(t_.actor_noun, target.last - 1)))
    return Verbal::kIfActorSource;
  return Verbal::kNo;
}

// "attacked Britain on Wednesday for allowing ...", "attacked her opponent as a fraud",
// "attacked him over the issue": a reason or a label after an active verb's object.
bool CondemnationPass::VerbalReason(const VerbReading& r) const {
  if (r.passive) return false;
  const Phrase& target = r.target;
  for (int t = target.first + 1; t + 1 < target.last; ++t)
    if (L(t) == "for" && !Is(words_.time, t + 1)) return true;
  const int n = SkipForward(target.last, r.hi);
  if (n + 1 >= r.hi || !Word(n)) return false;
  const int m = n + 1;
  // "for allowing ...", "as a fraud", "over his remarks"; not "for hours", "over the weekend".
  const bool time = Is(words_.time, m) || (Is(words_.det, m) && m + 1 < r.hi && Is(words_.time, m + 1));
  const std::string_view w = L(m);
  const bool phrase = Is(words_.det, m) || Is(t_.possessive_pronoun, m) ||
                      Kind(m) == TokenKind::kQuote || (Word(m) && Cap(m)) ||
                      (Word(m) && w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0);
  if ((L(n) == "for" || L(n) == "as") && !time) return true;
  return L(n) == "over" && phrase && !time;
}

// Objects that make the cue something else, or that it cannot disapprove of.
bool CondemnationPass::TargetFits(const CueEntry& e, const VerbReading& r) const {
  const int hi = r.hi;
  const bool passive = r.passive;
  const Phrase& target = r.target;
  if (e.verbal && VerbalSense(target, r.lo, hi, r.person_source, VerbalReason(r)) == Verbal::kNo)
    return false;
  // "was let go after the officers discovered ...": a cue's last word that is also a conjunction
  // ("after", "as") opens a clause when a verb follows its noun phrase.
  if (r.after - 1 > r.i && Is(t_.subordinator, r.after - 1) && !target.empty()) {
    const int n = SkipForward(target.last, hi);
    const std::string_view w = L(n < hi ? n : r.i);
    if (n < hi && Word(n) && !IsCueForm(n) &&
        (LooksParticiple(n) || Is(words_.aux, n) || Is(words_.speech, n) || VerbLike(n)) &&
        !(w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0))
      return false;
  }
  if (e.deny) {
    // "was denied bail", "denied him a visa": a refusal to give, not a denial of a claim.
    if (passive) return false;
    const int n = target.last;
    if (target.last - target.first == 1 && Is(t_.object_pronoun, target.first) &&
        L(target.first) != "it" && n < hi && Word(n) && !Is(words_.stop, n))
      return false;
  }
  if (e.labelled) {
    // "hammered home": emphasis, not criticism.
    if (r.after < hi && Word(r.after) && Is(t_.emphasis, r.after)) return false;
    // "pounding Trump as a con artist", "bashed the board over the freeze", "hit the mayor at
    // the rally on his record": a label or a reason after the object, perhaps after a place;
    // "hammered Carson with insults": verbal means.
    bool ok = AnyIn(t_.verbal_object, target);
    int n = SkipForward(target.last, hi);
    if (n + 1 < hi && Word(n) && L(n) == "with") {
      const Phrase means = ForwardNP(n + 1, hi, nullptr, false);
      ok |= !means.empty() && AnyIn(t_.verbal_means, means);
    }
    for (int guard = 0; guard < 2 && n < hi && Word(n) && (L(n) == "at" || L(n) == "in"); ++guard) {
      const Phrase place = ForwardNP(n + 1, hi, "on for over as", false);
      if (place.empty()) break;
      n = SkipForward(place.last, hi);
    }
    if (n + 1 < hi && Word(n) && SkipTime(n, hi) == n) {
      const std::string_view w = L(n);
      const int m = n + 1;
      // "as a con artist", "as “a disgrace”": a label; "as the Padres won" is a clause.
      if (w == "over" || (w == "as" && (L(m) == "a" || L(m) == "an" || Kind(m) == TokenKind::kQuote)))
        ok = true;
      if ((w == "on" || w == "for") &&
          (Is(words_.det, m) || Is(t_.possessive_pronoun, m) ||
           (Word(m) && L(m).size() > 4 && L(m).compare(L(m).size() - 3, 3, "ing") == 0)))
        ok = true;
    }
    if (!ok) return false;
  }
  if (e.factual) {
    // "warned that the ministry was cutting services": an actor's act, no modal or future.
    if (target.empty() || !ActorPhrase(target)) return false;
    // The clause's verb group: the first auxiliaries within a few words of its subject's head
    // ("that Britain's exit from the E.U. will sap ...").
    bool aux_seen = false;
    for (int k = target.last; k < hi && k < target.last + 8; ++k) {
      if (Kind(k) == TokenKind::kPunct) break;
      if (Is(t_.epistemic_modal, k) || Is(t_.future_modal, k) || Is(words_.deontic, k) ||
          Is(words_.future_to, k))
        return false;
      const bool aux = Is(words_.aux, k);
      if (aux_seen && !aux && !Adverb(k) && !Is(words_.negator, k)) break;
      aux_seen |= aux;
    }
  }
  // Rejecting a charge is denying it; rejecting a request is a formal act.
  if (e.lemma == "reject" && (AnyIn(t_.claim, target) || AnyIn(t_.formal_request, target)))
    return false;
  if (e.lemma == "warn against") {
    // "Travellers were warned against going out": the passive's subject is the one warned.
    if (passive) return false;
    for (int t = target.first; t < target.last; ++t)
      if (Is(t_.caution, t)) return false;
  }
  // "rejected by large majorities in Congress", "condemned the raid by a vote of 14-0": a vote
  // is a formal act (ANNOTATION.md), no finding.
  for (int b = r.a; b < hi && b < r.a + 15; ++b) {
    if (Punct(b, ";")) break;
    if (!(Word(b) && Is(t_.agent_preposition, b))) continue;
    for (int v = b + 1; v < hi && v < b + 7 && !Punct(v, ";"); ++v)
      if (Word(v) && Is(t_.vote, v)) return false;
  }
  // "I'm not against anybody", "they're against everything": a stance after "be" needs a
  // definite target.
  if (e.copula && target.last - target.first == 1 && Word(target.first) &&
      Is(t_.indefinite_pronoun, target.first))
    return false;
  // "complained of lower back pain": a symptom after the preposition is no disapproval.
  if (r.rule == CondemnationRule::kPrep)
    for (int t = target.first; t < target.last; ++t)
      if (Word(t) && Is(t_.symptom, t)) return false;
  if (e.blame || e.actor) {
    // Blame disapproves of an actor or an action; "blamed a weakening franc" names a cause.
    // "blamed the shootings on bias": the blamed act may name the actor instead.
    auto names_actor = [&](Phrase p) {
      for (int t = p.first; t < p.last; ++t)
        if (mention_at_[t] >= 0 || Is(words_.pronoun, t) || Is(t_.actor_noun, t) ||
            Is(t_.verbal_object, t) || (Cap(t) && Word(t)) || PeopleNoun(t) ||
            Is(t_.object_pronoun, t) || L(t) == "other")
          return true;
      return false;
    };
    if (!names_actor(target) && !(e.blame && names_actor(r.blamed))) return false;
  }

  return true;
}

}  // namespace condemnations
}  // namespace presslens
