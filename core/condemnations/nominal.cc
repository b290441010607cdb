// Noun cues: "Y's condemnation of X", "criticism of X by Y", "voiced its opposition to X",
// "X drew criticism from Y", "a complaint that ...". Writes findings through Emit.

#include <algorithm>
#include <string>
#include <vector>

#include "condemnations/pass.h"

namespace presslens {
namespace condemnations {

// TryCue for a noun form of the cue (a function of its own: a text compiles and optimises only
// the readings it meets).
PRESSLENS_OUT_OF_LINE bool CondemnationPass::TryNominal(int i, const CueEntry& e, int lo, int hi,
                                              int cue_last, const std::string& cameo) {
  const int after = cue_last + 1;
  bool negated = false;
  // "harsh words": a noun of speech needs its adjective of disapproval.
  const bool evaluated = Is(t_.evaluated_noun, i);
  if (evaluated && !HarshModified(i, lo)) return false;
  // --- Nominal: "Y's condemnation of X", "criticism of X by Y", "a protest to X",
  // "X drew criticism from Y", "voiced its opposition to X".
  int j = i - 1;  // walk back over adjectives to the determiner or possessive
  while (j >= lo && Word(j) && !Cap(j) && Content(j) && !VerbLike(j) && i - j < 4) --j;
  // "faced hostility and opposition from X": a noun coordinated before the cue.
  if (j >= lo && j == i - 1 && Word(j) && Is(t_.noun_coordinator, j) && j - 1 >= lo &&
      Word(j - 1) && !Cap(j - 1) && Content(j - 1) && !VerbLike(j - 1) && !IsCueForm(j - 1)) {
    j -= 2;
    while (j >= lo && Word(j) && !Cap(j) && Content(j) && !VerbLike(j) && i - j < 6) --j;
  }
  if (!(j >= lo && (Possessive(j) || (Word(j) && (Is(words_.det, j) ||
                                                   Is(t_.possessive_pronoun, j)))))) {
    const int owner = OwnerBeforeAdjectives(i, lo);
    if (owner >= 0) j = owner;
  }
  Phrase source;
  bool light_verb = false;
  int light_at = -1;
  // Possessive: "Israel's complaint", "its opposition".
  if (j >= lo && Possessive(j)) {
    source = BackwardNP(j - 1, lo);
  } else if (j >= lo && Word(j) && Is(t_.possessive_pronoun, j)) {
    // "voiced its opposition to X", "India said that its opposition to X ...".
    int lj = j - 1;
    while (lj >= lo && Adverb(lj)) --lj;
    if (lj >= lo && Is(words_.light, lj)) {
      light_verb = true;
      light_at = lj;
    }
    source = {j, j + 1};
  } else if (j >= lo && mention_at_[j] >= 0 &&
             (doc_.mentions[mention_at_[j]].type == EntityType::kNorp ||
              doc_.mentions[mention_at_[j]].type == EntityType::kGpe ||
              doc_.mentions[mention_at_[j]].type == EntityType::kOrg)) {
    // "an Israeli complaint", "U.S. criticism of": the modifier is the source.
    int m = mention_at_[j];
    source = {doc_.mentions[m].first, doc_.mentions[m].last};
  }
  // A verb of expressing before the noun ("made a sharp protest", "spearheaded the
  // opposition", "leveled charges").
  if (!light_verb) {
    int lj = j;
    if (lj >= lo && (Is(words_.det, lj) || L(lj) == "its" || L(lj) == "their")) --lj;
    while (lj >= lo && Adverb(lj)) --lj;
    if (lj >= lo && Word(lj) && Is(words_.light, lj)) {
      light_verb = true;
      light_at = lj;
    }
  }
  // "Trump and his aides have also had choice words for X": the subject of the verb before.
  if (evaluated && source.empty() && !light_verb) {
    int v = i - 2;  // before the adjective
    while (v >= lo && (Is(words_.det, v) || Adverb(v))) --v;
    if (v >= lo && Word(v) && !Cap(v) && (Is(words_.aux, v) || Content(v))) {
      const VerbGroup g = VerbGroupBefore(v);
      if (!g.infinitive) source = SubjectBefore(g.first - 1, lo);
    }
  }
  bool possessive_source = !source.empty();
  bool pronoun_source = possessive_source && source.last - source.first == 1 &&
                        Word(source.first) && Is(words_.det, source.first);
  if (light_verb && (source.empty() || pronoun_source)) {
    const VerbGroup group = VerbGroupBefore(light_at);
    const int cs = group.first;
    // "more productive ways to express your opposition": an infinitive after a noun of
    // possibility or intent is no reported act.
    if (group.infinitive && IrrealisNoun(cs - 1, lo)) return false;
    if (Future(cs, light_at) && !group.negated) return false;
    negated |= group.negated;
    Phrase owner = source;
    source = SubjectBefore(cs - 1, lo);
    if (source.empty() || group.infinitive) source = ClauseSubject(light_at);
    if (source.empty()) source = owner;
  }
  // "has faced ridicule", "drew outrage": a provoked disapproval is reported too.
  const bool provoked = j >= lo && Word(j) && (Is(words_.provoke, j) ||
                        (Is(words_.det, j) && j - 1 >= lo && Is(words_.provoke, j - 1)));
  if (e.light && !light_verb && !possessive_source && !provoked) return false;
  // "frames his tax plan purely as an attack on X", "saw the comment as a dig at X": a label
  // after a verb of framing reports no disapproval.
  {
    int as = j;
    if (as >= lo && Word(as) && Is(words_.det, as)) --as;
    if (as >= lo && Word(as) && Is(t_.predicative_as, as)) {
      for (int k = as - 1; k >= lo && as - k < 9; --k) {
        if (Kind(k) == TokenKind::kPunct) break;
        if (Word(k) && Is(t_.framing, k)) return false;
      }
    }
  }
  // Dismissed or requested: "denied the charges", "called for the condemnation of".
  {
    int dj = j;
    if (dj >= lo && (Is(words_.det, dj) || Possessive(dj))) {
      if (Possessive(dj)) {
        Phrase owner = BackwardNP(dj - 1, lo);
        dj = owner.empty() ? dj - 1 : owner.first - 1;
      } else {
        --dj;
      }
    }
    if (dj >= lo && Word(dj) && (L(dj) == "off" || L(dj) == "out" || L(dj) == "for")) --dj;
    while (dj >= lo && Adverb(dj)) --dj;
    if (dj >= lo && Word(dj) && (Is(words_.dismissal, dj) || Is(words_.request, dj))) return false;
    // "in the face of criticism": the target is not stated in this phrase.
    if (j >= lo && L(j) == "face") return false;
  }
  // Target: a preposition after the noun, perhaps after "by/from Y" (the source).
  int a = after;
  // "protests on Monday over unpaid wages": a time phrase before the preposition.
  if (a < hi && Word(a)) {
    const int t = SkipTime(a, hi);
    if (t > a && t < hi && Word(t) && std::find(e.preps.begin(), e.preps.end(), L(t)) != e.preps.end())
      a = t;
  }
  if (a < hi && Word(a) && Is(t_.source_preposition, a)) {
    Phrase agent = ForwardNP(a + 1, hi, nullptr, false);
    if (!agent.empty()) {
      if (source.empty()) source = agent;
      a = agent.last;
    }
  }
  // "lodged a protest with Britain over the raid": the addressee, then the target.
  if (a < hi && Word(a) && L(a) == "with") {
    Phrase addressee = ForwardNP(a + 1, hi, nullptr, false);
    if (!addressee.empty() && addressee.last < hi && Word(addressee.last) &&
        std::find(e.preps.begin(), e.preps.end(), L(addressee.last)) != e.preps.end())
      a = addressee.last;
  }
  // "walked out in protest at X": the clause's subject protests.
  if (source.empty() && i - 1 >= lo && L(i - 1) == "in") source = ClauseSubject(i);
  // "She peppered him with attacks on X", "greeted the minister with jeers": an active verb's
  // instrument; its subject disapproves ("was met with protests" is passive: no source here).
  if (source.empty() && j >= lo && Word(j) && L(j) == "with" && j - 1 > lo) {
    const Phrase object = Is(t_.object_pronoun, j - 1) ? Phrase{j - 1, j} : BackwardNP(j - 1, lo);
    const int v = object.empty() ? -1 : object.first - 1;
    if (v >= lo && Word(v) && !Cap(v) && Content(v) && !IsCueForm(v)) {
      const VerbGroup g = VerbGroupBefore(v);
      if (!g.passive && !g.infinitive) source = SubjectBefore(g.first - 1, lo);
    }
  }
  Phrase target;
  CondemnationRule rule = CondemnationRule::kNominal;
  bool prep_target = false;
  // "an attack he leveled just seconds earlier at Clinton", "the criticism that they
  // directed against the plan": a relative clause whose verb of expressing aims the noun;
  // its subject is the source.
  if (a < hi) {
    int b = a;
    if (Word(b) && (L(b) == "that" || L(b) == "which")) ++b;
    const Phrase subject = b < hi && Word(b) && Is(words_.pronoun, b) && !Is(words_.first_person, b)
                               ? Phrase{b, b + 1}
                               : Phrase{};
    int v = subject.empty() ? -1 : subject.last;
    while (v >= 0 && v < hi && Adverb(v)) ++v;
    if (v >= 0 && v < hi && Word(v) && Is(words_.light, v)) {
      for (int t = v + 1; t < hi && t < v + 7; ++t) {
        if (!Word(t) || Is(words_.pronoun, t)) break;
        if (Is(t_.aimed_preposition, t) ||
            std::find(e.preps.begin(), e.preps.end(), L(t)) != e.preps.end()) {
          target = ForwardNP(t + 1, hi, nullptr);
          if (!target.empty()) {
            prep_target = true;
            if (source.empty()) source = subject;
          }
          break;
        }
        // An object after the verb ("that he made threats against X") makes it a clause.
        if (IsCueForm(t) || Is(words_.det, t) || Is(t_.possessive_pronoun, t) ||
            (Is(words_.stop, t) && SkipTime(t, hi) == t))
          break;
      }
    }
  }
  if (!prep_target && a < hi && Word(a)) {
    // "aimed its criticism at the plan": a verb of expressing aims the noun.
    if (light_verb && Is(t_.aimed_preposition, a)) {
      target = ForwardNP(a + 1, hi, nullptr);
      prep_target = !target.empty();
    }
    for (std::string_view p : e.preps) {
      if (prep_target) break;
      // "escalated her criticism on Tuesday": a time phrase, no complement.
      if (L(a) == p && (SkipTime(a, hi) == a || Possessive(SkipTime(a, hi)))) {
        // "attacks on Kerry's record by the group": the by-phrase is the noun's agent, unless a
        // participle takes it ("criticism of the actions taken by the departments").
        target = ForwardNP(a + 1, hi, "by");
        if (!target.empty() && (LooksParticiple(target.last - 1) ||
                                Is(words_.irregular_participle, target.last - 1)))
          target = ForwardNP(a + 1, hi, nullptr);
        prep_target = true;
        break;
      }
    }
    if (!prep_target && e.that) {
      int t = a;
      while (t < hi && t < a + 4 && L(t) != "that" && !Punct(t, ",")) ++t;
      // "a complaint that X ...", but "charges that" only after a verb of expressing
      // ("pleaded not guilty to charges that he ..." is a legal charge).
      if (t < hi && L(t) == "that" && (light_verb || (t == after && !e.light)) &&
          !FramedRelative(t, hi)) {
        target = ClauseAgent(t + 1, hi);
        rule = CondemnationRule::kNominalThat;
      }
    }
  }
  // "The allegations, first aired in May, that ...": an adjunct between commas.
  if (target.empty() && e.that && !e.light && a < hi && Punct(a, ",")) {
    int c = a + 1;
    while (c < hi && c < a + 10 && !Punct(c, ",") && !(Word(c) && L(c) == "that")) ++c;
    if (c + 1 < hi && Punct(c, ",") && Word(c + 1) && L(c + 1) == "that") {
      target = ClauseAgent(c + 2, hi);
      rule = CondemnationRule::kNominalThat;
    }
  }
  // "staged a protest outside parliament against the pay freeze".
  if (target.empty() && std::find(e.preps.begin(), e.preps.end(), "against") != e.preps.end()) {
    for (int b = a; b < hi && b < a + 12; ++b) {
      if (Punct(b, ",") || Punct(b, ";") || Is(words_.pronoun, b) || LooksParticiple(b) ||
          (Word(b) && (L(b) == "and" || L(b) == "but" || L(b) == "that" || L(b) == "which" ||
                       (Is(words_.stop, b) && L(b) != "against" && L(b) != "outside" &&
                        L(b) != "in" && L(b) != "at" && L(b) != "of" && L(b) != "on"))))
        break;
      if (Word(b) && L(b) == "against") {
        target = ForwardNP(b + 1, hi, nullptr);
        break;
      }
    }
  }
  // "a sharp protest and \"disapproval of X\"": coordinated nouns share the complement.
  if (target.empty() && a < hi && Word(a) && Is(t_.noun_coordinator, a)) {
    int b = a + 1;
    while (b < hi && Kind(b) == TokenKind::kQuote) ++b;
    if (b + 1 < hi && Word(b) && Content(b) && Word(b + 1) &&
        (L(b + 1) == "of" || L(b + 1) == "against" || L(b + 1) == "over"))
      target = ForwardNP(b + 2, hi, nullptr);
  }
  // "by Y" after the target: "criticism of X by Y".
  if (!target.empty() && source.empty() && target.last < hi &&
      Is(t_.agent_preposition, target.last)) {
    source = ForwardNP(target.last + 1, hi, nullptr, false);
  }
  // "X drew criticism from Y", "The plan has raised a storm of protest from Y".
  if (target.empty()) {
    int v = j;
    // "drew Trump's ire", "sparked their anger": the owner is the source, the verb before it.
    if (possessive_source && !light_verb && !source.empty() &&
        (Possessive(j) || (Word(j) && Is(t_.possessive_pronoun, j))))
      v = source.first - 1;
    if (v >= lo && L(v) == "of" && v - 2 >= lo) v -= 2;  // "a storm of"
    // "drew strong Iranian objections", "drew widespread foreign criticism".
    // "faced hostility and opposition from X", "drew widespread but muted criticism": a
    // coordinated noun or adjective before the cue.
    while (v >= lo && i - v < 8 &&
           (Is(words_.det, v) || Adverb(v) ||
            (Word(v) && (Is(t_.noun_coordinator, v) || Is(t_.clause_coordinator, v)) &&
             v - 1 >= lo && Word(v - 1) && !Cap(v - 1) && Content(v - 1) && !VerbLike(v - 1)) ||
            (mention_at_[v] >= 0 && doc_.mentions[mention_at_[v]].type == EntityType::kNorp) ||
            (Word(v) && !Cap(v) && Content(v) && !VerbLike(v))))
      --v;
    // "facing criticism for the move from X": the source after the reason.
    int by = after;
    if (by < hi && Word(by) && Is(t_.reason_preposition, by)) {
      const Phrase reason = ForwardNP(by + 1, hi, "from by among", false);
      if (!reason.empty()) by = reason.last;
    }
    bool agent = by < hi && Is(t_.provoked_preposition, by);
    if (v >= lo && Word(v) && (Is(words_.provoke, v) || (agent && Is(words_.provoke_agent, v)))) {
      const int cs = VerbGroupBefore(v).first;
      if (Future(cs, v)) return false;  // "will face the same partisan fire"
      const std::string_view vw = L(v);
      // "The raid killed four, prompting condemnation abroad": the participle's clause subject.
      if (cs == v && cs - 1 >= lo && Punct(cs - 1, ",") && vw.size() > 4 &&
          vw.compare(vw.size() - 3, 3, "ing") == 0) {
        target = ClauseSubject(v);
        // "'...,' Wilkin said, eliciting jeers": a subject inside a quote is not the clause's.
        if (!target.empty() && quote_at_[target.first] >= 0 && quote_at_[v] < 0) return false;
      }
      else if (agent && cs == v && cs - 1 >= lo && Word(cs - 1) &&
               Is(t_.gerund_preposition, cs - 1) && vw.size() > 4 &&
               vw.compare(vw.size() - 3, 3, "ing") == 0)
        target = ClauseSubject(v);  // "despite facing criticism from X": the clause's subject
      else
        target = GerundSubjectBefore(cs - 1, lo);
      // "This has drawn protests from X": a demonstrative standing alone.
      if (target.empty() && cs - 1 >= lo && Word(cs - 1) && Is(t_.demonstrative_pronoun, cs - 1))
        target = {cs - 1, cs};
      if (!target.empty() && target.last - target.first == 1 && Is(words_.pronoun, target.first)) {
        // "it drew criticism": the target is what "it" stands for; keep the pronoun span.
      }
      rule = CondemnationRule::kNominalProvoke;
      if (source.empty() && agent) source = ForwardNP(by + 1, hi, nullptr, false);
    }
  }
  // "Their complaint is that the landlord ignored repairs": a copular that-clause.
  if (target.empty() && a < hi && Word(a) && Is(words_.passive_aux, a)) {
    const int b = SkipForward(a + 1, hi);
    if (b < hi && Word(b) && L(b) == "that") {
      int c = b + 1;
      while (c < hi && (Punct(c, ",") || Kind(c) == TokenKind::kQuote)) ++c;
      // "that, 'Hey, moderators shouldn't ...'": a discourse word before the clause.
      if (c + 2 < hi && Word(c) && Punct(c + 1, ",")) c += 2;
      target = ClauseAgent(c, hi);
      rule = CondemnationRule::kNominalThat;
    }
  }
  if (target.empty()) return false;
  // "attacks on his platform", "his attacks on Rubio", "attacks from Rubio over X" are
  // verbal; "attacks on the city" is not a disapproval.
  if (e.verbal) {
    const Verbal sense = VerbalSense(target, lo, hi, PersonPhrase(source), false);
    if (sense == Verbal::kNo) return false;
    if (sense == Verbal::kIfActorSource && !source.empty() && !ActorPhrase(source) &&
        !PersonPhrase(source))
      return false;
  }
  if (j >= lo && Word(j) && Is(words_.negator, j)) negated = true;  // "no criticism of"
  Emit(i, cue_last, e, cameo, target, !source.empty(), source, nullptr, negated, rule);
  return true;
}

}  // namespace condemnations
}  // namespace presslens
