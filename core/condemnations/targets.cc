// The target of a verb cue: "X is to blame", "X came under fire", a passive's subject, or an
// active verb's object, "that" clause, prepositional object or relative gap. Fills a
// VerbReading's target (and the source when the same rule decides it).

#include <algorithm>
#include <string>
#include <vector>

#include "condemnations/pass.h"

namespace presslens {
namespace condemnations {

// The target, by the first rule that applies: "X is to blame", "X came under fire", the
// passive's subject, or the object, "that" clause or prepositional object of an active verb.
// False when none is found.
bool CondemnationPass::FindVerbTarget(const CueEntry& e, const CueFormRef& ref, VerbReading* r) const {
  const int i = r->i, lo = r->lo, hi = r->hi, a = r->a, chain = r->chain;
  const bool passive = r->passive, infinitive = r->infinitive;
  Phrase& target = r->target;
  Phrase& source = r->source;
  CondemnationRule& rule = r->rule;
  std::string& cameo = r->cameo;
  bool& source_known = r->source_known;
  Actor& speaker_source = r->speaker_source;
  bool& has_speaker_source = r->has_speaker_source;
  rule = passive ? CondemnationRule::kPassive : CondemnationRule::kActive;
  // "Israel is to blame", "Moura was also to blame": the subject of "be" is blamed by whoever
  // says so (the quote's speaker, or the speaker of the reported clause).
  int to = chain;
  while (to < i && L(to) != "to") ++to;
  int be = to - 1;
  while (be > chain && Adverb(be)) --be;
  if (e.blame && infinitive && to < i && be >= lo && Is(words_.passive_aux, be) &&
      ref.form == CueForm::kBase) {
    int b = be;
    while (b - 1 >= lo && Adverb(b - 1)) --b;
    target = SubjectBefore(b - 1, lo);
    if (target.empty()) return false;
    int q = quote_at_[i];
    if (q >= 0 && doc_.quotes[q].has_speaker) {
      speaker_source = doc_.quotes[q].speaker;
      has_speaker_source = true;
    } else if (q < 0) {
      source = SpeakerOfReportedClause(target);
    }
    source_known = true;
    rule = CondemnationRule::kToBlame;
  } else if (e.subj) {
    // "The Crying Game came under fire for ...": the subject is the target; "from X" before
    // the reason is the source ("is taking heat from Cruz over ...").
    int reason = a;
    if (a < hi && L(a) == "from") {
      source = ForwardNP(a + 1, hi, "for over");
      if (!source.empty()) reason = SkipForward(source.last, hi);
    }
    if (reason >= hi || !Is(t_.reason_preposition, reason)) return false;
    target = SubjectBefore(chain - 1, lo);
    if (target.empty()) return false;
    source_known = true;
    rule = CondemnationRule::kUnderFire;
  } else if (passive && e.expressed) {
    // "I've been insulted by the term": the experiencer disapproves of the by/with phrase.
    for (int b = a; b < hi && b < a + 3 && target.empty(); ++b)
      if (Word(b) && std::find(e.preps.begin(), e.preps.end(), L(b)) != e.preps.end())
        target = ForwardNP(b + 1, hi, nullptr);
    if (target.empty()) return false;
    source = SubjectBefore(chain - 1, lo);
    source_known = true;
  } else if (passive && (e.that || e.clause) && a < hi && Word(a) && L(a) == "that" &&
             chain - 1 >= lo && Word(chain - 1) && Is(t_.anticipatory_it, chain - 1)) {
    // "It is alleged that X ...", "it was charged that": the clause put after the verb is the
    // target; who alleges it is not said.
    if (FramedRelative(a, hi)) return false;
    target = ClauseAgent(a + 1, hi);
    if (target.empty()) return false;
    source_known = true;
    rule = CondemnationRule::kThatClause;
  } else if (passive) {
    // "X was condemned by Y", "X was accused of Z by Y". Only transitive cues: "charged
    // with" is a legal charge, not "charged that".
    if (!e.obj) return false;
    // A reduced passive after a comma names the noun before the comma.
    target = r->reduced_passive && Punct(chain - 1, ",") ? BackwardNP(chain - 2, lo)
                                                         : SubjectBefore(chain - 1, lo);
    if (!target.empty() && !r->reduced_passive) target = RelativeHead(target, lo);
    if (target.empty()) return false;
    for (int b = a; b < hi && b < a + 15; ++b) {
      if (Punct(b, ",") || Punct(b, ";")) break;
      if (Word(b) && Is(t_.agent_preposition, b)) {
        source = ForwardNP(b + 1, hi, nullptr, false);
        JointAgent(source, hi, r);
        break;
      }
    }
    if (e.accuse && a < hi && L(a) == "of") {
      std::string sub = AccuseSubcode(a, hi);
      if (!sub.empty()) cameo = sub;
    }
    // "The attacks were blamed on guerrillas": the cause is the target.
    if (e.blame && a < hi && L(a) == "on") {
      Phrase cause = ForwardNP(a + 1, hi, nullptr);
      if (!cause.empty()) {
        r->blamed = target;
        target = cause;
        rule = CondemnationRule::kBlameOn;
      }
    }
    source_known = true;
  } else {
    if (e.that || e.obj) {
      int t = a;
      // "rejected that argument": "that" opens a clause only for a cue that takes one.
      bool that = t < hi && L(t) == "that" && e.that;
      if (e.that && !that && !e.obj) {
        // Only "allege" drops its "that" ("alleged the government had ..."); "charges she
        // has denied" is a noun.
        if (!e.clause) return false;
        // "alleged the government had ...": a clause subject followed by an auxiliary.
        Phrase np = t < hi && Is(words_.pronoun, t) && !Is(words_.first_person, t)
                        ? Phrase{t, t + 1}
                        : ForwardNP(t, hi, nullptr, false);
        if (np.empty() || np.last >= hi || !Is(words_.aux, np.last)) return false;
        target = np;
        rule = CondemnationRule::kThatClause;
      } else if (e.that && that) {
        // "uttering charges that X, for one, called 'lingo'": a relative clause.
        if (FramedRelative(t, hi)) return false;
        target = ClauseAgent(t + 1, hi);
        rule = CondemnationRule::kThatClause;
      } else if (e.obj && !that) {
        const char* stop_prep = e.accuse ? "of for" : e.blame ? "for on" : nullptr;
        bool prep_first = false;
        for (std::string_view p : e.preps) prep_first |= (t < hi && L(t) == p);
        if (!prep_first && t < hi && !Is(words_.complement, t) &&
            (!Is(words_.stop, t) || L(t) == "what" || L(t) == "that"))
          target = ForwardNP(t, hi, stop_prep);
        // "accusing it of", "opposed it", "accused each other of".
        if (target.empty() && t < hi && Word(t) &&
            Is(t_.object_pronoun, t))
          target = {t, t + 1};
        // "deploring what happened", "denounced what he called the vision": a free relative,
        // up to the end of its clause.
        if (target.empty() && t + 1 < hi && Word(t) && Is(t_.free_relative, t)) {
          int end = t + 1;
          while (end < hi && end - t < 12 && !(Kind(end) == TokenKind::kPunct && !Dash(end)) &&
                 !(Word(end) && Is(t_.clause_coordinator, end)))
            ++end;
          while (end > t + 1 && Kind(end - 1) == TokenKind::kQuote) --end;
          if (end > t + 1) target = {t, end};
        }
        // "do not condone that at all": a demonstrative standing alone.
        if (target.empty() && t < hi && Word(t) && (L(t) == "that" || L(t) == "this") &&
            (t + 1 >= hi || Kind(t + 1) != TokenKind::kWord ||
             (Is(words_.stop, t + 1) && !Is(words_.aux, t + 1) && !Is(words_.negator, t + 1))) &&
            !e.that)
          target = {t, t + 1};
        if (target.empty() && t + 1 < hi &&
            ((L(t) == "each" && L(t + 1) == "other") || (L(t) == "one" && L(t + 1) == "another")))
          target = {t, t + 2};
        // "unrest which it blamed on government policies": the cause after "on".
        if (target.empty() && e.blame && t < hi && L(t) == "on") {
          target = ForwardNP(t + 1, hi, nullptr);
          if (!target.empty()) rule = CondemnationRule::kBlameOn;
        }
        if (!target.empty()) {
          int n = SkipForward(target.last, hi);
          if (e.accuse && n < hi && L(n) == "of") {
            rule = CondemnationRule::kAccuseOf;
            std::string sub = AccuseSubcode(n, hi);
            if (!sub.empty()) cameo = sub;
          } else if (e.blame && n < hi && L(n) == "on") {
            // "blamed the violence on the rebels": the cause named after "on" is the target.
            Phrase cause = ForwardNP(n + 1, hi, nullptr);
            if (!cause.empty()) {
              r->blamed = target;
              target = cause;
            }
            rule = CondemnationRule::kBlameOn;
          } else if (e.blame && n < hi && L(n) == "for") {
            rule = CondemnationRule::kBlameFor;
          }
        }
      }
    }
    if (target.empty() && !e.preps.empty()) {
      // "protested against X", "hit out at X"; "marched outside ... against X".
      int t = a;
      // "complained to Rangoon about the raids": the addressee comes first.
      if (t < hi && L(t) == "to" &&
          std::find(e.preps.begin(), e.preps.end(), "to") == e.preps.end()) {
        Phrase addressee = ForwardNP(t + 1, hi, nullptr, false);
        if (!addressee.empty()) t = SkipForward(addressee.last, hi);
      }
      bool found = false;
      for (std::string_view p : e.preps) found |= (t < hi && L(t) == p);
      if (!found) {
        for (int b = a; b < hi && b < a + 20; ++b) {
          if (Punct(b, ",") || Punct(b, ";") || Is(words_.pronoun, b) || LooksParticiple(b) ||
              (Word(b) && (L(b) == "and" || L(b) == "but" || L(b) == "that" || L(b) == "which")))
            break;
          if (Word(b) && L(b) == "against" &&
              std::find(e.preps.begin(), e.preps.end(), "against") != e.preps.end()) {
            t = b;
            found = true;
            break;
          }
        }
      }
      if (found) {
        target = ForwardNP(t + 1, hi, nullptr);
        rule = CondemnationRule::kPrep;
      }
    }
    // "criticised and condemned the decision", "chant and demonstrate against Israel": a cue
    // verb coordinated with a second one shares its object or its complement.
    if (target.empty() && a + 2 < hi && Word(a) && Is(t_.noun_coordinator, a) &&
        IsVerbCue(a + 1) && IsCueForm(a + 1)) {
      const int t = SkipForward(a + 2, hi);
      bool prep = false;
      for (std::string_view p : e.preps) prep |= (t < hi && L(t) == p);
      if (prep) {
        target = ForwardNP(t + 1, hi, nullptr);
        rule = CondemnationRule::kPrep;
      } else if (e.obj && t < hi && Word(t) && !Is(words_.stop, t) && !Is(words_.complement, t)) {
        target = ForwardNP(t, hi, nullptr);
      }
    }
    if (target.empty() && !infinitive && e.obj) target = ObjectGapHead(a, chain, lo, hi);
    if (target.empty()) return false;
  }
  return true;
}

// "the establishment that Trump rails against", "some ideas I don't like": a transitive verb with no
// object after it (the clause ends at token a) in a relative clause whose subject follows
// "that", "which" or a noun; the relative clause's head noun is its object. Empty otherwise.
Phrase CondemnationPass::ObjectGapHead(int a, int chain, int lo, int hi) const {
  // The clause ends: punctuation, or the main clause's auxiliary ("The report that critics
  // condemned was released").
  if (a < hi && !(Punct(a, ",") || Punct(a, ";") || Punct(a, ".") || Punct(a, "?") ||
                  Punct(a, "!") || Kind(a) == TokenKind::kQuote || (Word(a) && Is(words_.aux, a))))
    return {};
  const Phrase subject = SubjectBefore(chain - 1, lo);
  if (subject.empty()) return {};
  const int k = subject.first - 1;
  if (k - 1 < lo || !Word(k)) return {};
  int h = -1;
  // "the plan, which the farmers oppose,": the head before the comma.
  const int w = Punct(k - 1, ",") ? k - 2 : k - 1;
  // "the charge that critics condemned": a noun of something said takes a "that" clause, no
  // relative one.
  if (RelativeThat(k, lo) && !Is(t_.claim, k - 1) && !IsCueForm(k - 1))
    h = k - 1;
  else if (L(k) == "which" && w >= lo && Word(w) && Content(w) && !VerbLike(w))
    h = w;
  else if (Is(words_.pronoun, subject.first) && subject.last - subject.first == 1 &&
           Content(k) && !Cap(k) && !VerbLike(k) && !Is(words_.stop, k) && !IsCueForm(k))
    h = k;  // "some ideas I don't like": no relative pronoun
  if (h < lo) return {};
  const Phrase head = BackwardNP(h, lo);
  // Without a relative pronoun the head is a noun phrase a determiner opens ("some ideas"), not
  // a verb read as one ("Voters know they criticized").
  if (h == k && (head.empty() || head.first == h || !Is(words_.det, head.first))) return {};
  return head;
}

}  // namespace condemnations
}  // namespace presslens
