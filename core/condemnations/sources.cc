// The source of a verb cue: a control verb's object, a reduced relative's head, a
// participle's or infinitive's clause subject, a coordinated verb's subject, the subject before
// the verb group, a reporter for a modal; joint subjects and agents. Fills a VerbReading's source.

#include <algorithm>
#include <string>
#include <vector>

#include "condemnations/pass.h"

namespace presslens {
namespace condemnations {

// The source, by the first rule that applies (unless the target's rule decided it): the
// object of a control verb, a reduced relative's head, a participle's or infinitive's clause
// subject, a coordinated verb's subject, else the subject before the verb group; a modal verb
// in a reported clause gives the reporter. *given is set when the source is an actor already
// resolved. False when the verb has no source of its own (a headline verb).
bool CondemnationPass::FindVerbSource(const CueFormRef& ref, VerbReading* r, Actor* inherited,
                            const Actor** given) const {
  const int i = r->i, lo = r->lo, chain = r->chain, head_verb = r->head_verb;
  const bool passive = r->passive, infinitive = r->infinitive, deontic = r->deontic;
  const bool progressive = r->progressive, source_known = r->source_known;
  Phrase& source = r->source;
  CondemnationRule& rule = r->rule;
  if (!source_known) {
    int before = (head_verb >= 0 ? head_verb : chain) - 1;
    if (head_verb >= 0) before = VerbGroupBefore(head_verb).first - 1;
    bool nonfinite = (ref.form == CueForm::kGerund && !progressive && head_verb < 0) ||
                     (infinitive && head_verb < 0);
    // "prompted the United States to charge that ...": the object of the verb is the source.
    bool control = false;
    if (infinitive && head_verb < 0 && chain - 1 >= lo && L(chain) == "to") {
      Phrase obj = BackwardNP(chain - 1, lo);
      if (!obj.empty() && obj.first - 1 >= lo && Word(obj.first - 1) &&
          Is(words_.control, obj.first - 1)) {
        source = obj;
        control = true;
        rule = CondemnationRule::kControl;
      }
    }
    if (control) {
      // decided above
    } else if (nonfinite && ref.form == CueForm::kGerund && CueBeforeGerund(i, lo)) {
      // "accused Cruz of opposing X", "criticized the president for attacking X": the other
      // cue's object is this one's source.
      source = BackwardNP(i - 2, lo);
      rule = CondemnationRule::kControl;
    } else if (nonfinite && ref.form == CueForm::kGerund && i - 1 >= lo && Content(i - 1) &&
        !LooksParticiple(i - 1) && !Adverb(i - 1)) {
      // "an army source accusing rebel fighters", "with politicians criticising him"; not
      // "walked out on Sunday denouncing", "wrote to the OSCE complaining" (adverbials).
      source = BackwardNP(i - 1, lo);
      rule = CondemnationRule::kReducedRelative;
      int b = source.empty() ? -1 : source.first - 1;
      // "issued a statement condemning X": the statement's author, the clause's subject.
      if (source.empty() || Is(words_.time, i - 1) || Is(t_.document, i - 1) ||
          (b >= lo && Word(b) && Is(words_.stop, b) && L(b) != "with" && !Is(words_.det, b) &&
           !Is(words_.speech, b) && !Is(words_.aux, b) && L(b) != "and")) {
        source = ClauseSubject(i);
        rule = CondemnationRule::kAdjunct;
      }
    } else if (nonfinite) {
      source = ClauseSubject(i);
      rule = passive ? rule : CondemnationRule::kAdjunct;
    } else if (before >= lo && (Punct(before, ",") || (Word(before) && L(before) == "and")) &&
               last_sentence_ == doc_.tokens[i].sentence && last_target_end_ == before &&
               last_has_source_) {
      // "oppose A, oppose B": the second verb shares the first one's subject.
      *inherited = last_source_;
      *given = inherited;
      rule = CondemnationRule::kCoordinated;
    } else if (before >= lo && Word(before) && Is(t_.clause_coordinator, before)) {
      // "... have expressed support and denounced X": the clause's subject.
      source = ClauseSubject(before);
      rule = CondemnationRule::kCoordinated;
    } else if (before >= lo && Punct(before, ",") && Word(before + 1) &&
               Is(t_.sequence_adverb, before + 1)) {
      // "he acknowledged X in one breath, then eviscerated its candidates" (the verb group
      // holds "then").
      source = ClauseSubject(before + 1);
      rule = CondemnationRule::kCoordinated;
    } else {
      source = SubjectBefore(before, lo);
      if (!source.empty() && Word(source.first) && Is(words_.hypothetical, source.first))
        return false;
      if (!source.empty()) source = RelativeHead(source, lo);
      JointSubject(source, lo, r);
      // "attacks in nations that oppose X": a class that a present-tense relative clause
      // describes inside a prepositional phrase is generic, no reported act.
      if (!source.empty() && RelativeThat(before, lo) && ref.form == CueForm::kBase) {
        int k = before - 1;
        while (k >= lo && Content(k) && !Is(words_.det, k)) --k;
        if (k >= lo && Word(k) && InnerPrep(k)) return false;
      }
      // "The chair, Ana Ruiz, condemned": a person's name in apposition is the source.
      if (!source.empty() && Punct(before, ",") && source.last < before &&
          Punct(source.last, ",")) {
        const int m = mention_at_[source.last + 1];
        if (m >= 0 && doc_.mentions[m].type == EntityType::kPerson &&
            doc_.mentions[m].first == source.last + 1 && doc_.mentions[m].last == before)
          source = {source.last + 1, before};
      }
    }
    // "Wang said Beijing and Moscow should oppose X": the disapproval is Wang's.
    if (deontic && !source.empty() && quote_at_[i] < 0) {
      Phrase speaker = SpeakerOfReportedClause(source);
      if (!speaker.empty()) {
        source = speaker;
        rule = CondemnationRule::kReportedDeontic;
      }
    }
  }
  if (r->has_speaker_source) *given = &r->speaker_source;
  // A headline verb with no subject before it is not a finding of its own ("Slams Israel").
  if (!*given && source.empty() && !source_known && !passive) {
    if (ref.form == CueForm::kBase && !infinitive) return false;
  }
  return true;
}

// "condemned by the African Union and by Nigeria's president": one joint source of both agents
// ("African Union & Nigeria's president"), as for "China and Russia condemn".
void CondemnationPass::JointAgent(Phrase first, int hi, VerbReading* r) const {
  if (first.empty() || first.last + 2 >= hi || L(first.last) != "and" ||
      !Is(t_.agent_preposition, first.last + 1))
    return;
  Phrase second = ForwardNP(first.last + 2, hi, nullptr, false);
  if (JoinActors(first, second, r->i, &r->speaker_source)) r->has_speaker_source = true;
}

// "Mr. Rubio and Mr. Cruz attacked him", "He and Bob Goodlatte both condemned X": a subject of
// two coordinated actors, each a name or a personal pronoun, at the start of its clause, is
// one joint source.
void CondemnationPass::JointSubject(Phrase second, int lo, VerbReading* r) const {
  if (second.empty()) return;
  // A title before the second name ("Mr. Cruz") may lie outside the subject phrase.
  int k = second.first - 1;
  while (k >= lo && second.first - k < 4 && (Punct(k, ".") || (Word(k) && Cap(k)))) --k;
  if (k < lo + 1 || !Word(k) || L(k) != "and") return;
  second.first = k + 1;
  const Phrase first = BackwardNP(k - 1, lo);
  if (first.empty()) return;
  // "100 people from the CFDT and the CGT unions": a coordination inside a complement.
  for (int t = first.first; t < first.last; ++t)
    if (Word(t) && Is(words_.stop, t)) return;
  int b = first.first - 1;
  while (b >= lo && first.first - b < 3 && (Punct(b, ".") || (Word(b) && Cap(b)))) --b;
  if (!(b < lo || Kind(b) == TokenKind::kQuote || Punct(b, ",") || Punct(b, ";") ||
        (Word(b) && (L(b) == "but" || L(b) == "and" || L(b) == "that"))))
    return;
  auto actor = [&](Phrase p) {
    if (p.last - p.first == 1 && Word(p.first) && Is(words_.pronoun, p.first))
      return L(p.first) != "it";
    for (int t = p.first; t < p.last; ++t)
      if (mention_at_[t] >= 0) return true;
    return false;
  };
  if (!actor(first) || !actor(second)) return;
  if (JoinActors(first, second, r->i, &r->speaker_source)) r->has_speaker_source = true;
}

// One joint actor of two phrases ("African Union & Nigeria's president"); false when either
// names no actor.
bool CondemnationPass::JoinActors(Phrase first, Phrase second, int cue, Actor* out) const {
  Actor a, b;
  if (second.empty() || !ResolveActor(first, cue, &a) || !ResolveActor(second, cue, &b)) return false;
  Actor& joint = *out;
  joint.entity = -1;
  joint.name = a.name + " & " + b.name;
  joint.span = {a.span.start, b.span.end};
  joint.actors.clear();
  for (Actor* side : {&a, &b}) {
    if (side->actors.empty()) joint.actors.push_back(std::move(*side));
    else for (Actor& part : side->actors) joint.actors.push_back(std::move(part));
  }
  return true;
}

}  // namespace condemnations
}  // namespace presslens
