// Clause shapes the readings ask about: relative clauses and their heads, floating
// quantifiers, labels after a reduced passive, framed relatives, gerund subjects, actor and
// person phrases. Read tokens and mentions only.

#include <algorithm>
#include <string>
#include <vector>

#include "condemnations/pass.h"

namespace presslens {
namespace condemnations {

// "Activists who organised the protest condemned X", "The attacks that killed five people
// were condemned": a phrase that is the object of a relative clause stands for the clause's
// head noun, the subject of the verb after it. Returns p otherwise.
Phrase CondemnationPass::RelativeHead(Phrase p, int lo) const {
  int k = p.first - 1;
  if (k - 1 < lo || !Word(k) || Cap(k) || Is(words_.det, k) || InnerPrep(k) ||
      Is(words_.pronoun, k) || !(Content(k) || Is(words_.irregular_participle, k)))
    return p;
  --k;
  while (k >= lo && (Adverb(k) || Is(words_.aux, k) || Is(words_.negator, k))) --k;
  if (k - 1 < lo || !Word(k) || !Is(t_.relative_pronoun, k)) return p;
  int h = k - 1;
  if (Punct(h, ",")) --h;
  const Phrase head = h >= lo ? BackwardNP(h, lo) : Phrase{};
  return head.empty() ? p : head;
}

// Whether the phrase names an actor: a mention, a personal pronoun other than "it", an actor
// noun ([actor-noun]) or a plural noun for people.
bool CondemnationPass::ActorPhrase(Phrase p) const {
  for (int t = p.first; t < p.last; ++t)
    if (mention_at_[t] >= 0 || (Is(words_.pronoun, t) && L(t) != "it") ||
        Is(t_.actor_noun, t) || PeopleNoun(t))
      return true;
  return false;
}

// Whether the phrase names a person: a person's name, a personal pronoun other than "it"
// ([person-object]: "him", "her", ...), a possessive pronoun alone ("his") or a plural noun
// for people.
bool CondemnationPass::PersonPhrase(Phrase p) const {
  for (int t = p.first; t < p.last; ++t) {
    if (mention_at_[t] >= 0 && doc_.mentions[mention_at_[t]].type == EntityType::kPerson)
      return true;
    if (!Word(t)) continue;
    if (Is(t_.person_object, t) || PeopleNoun(t) || (Is(words_.pronoun, t) && L(t) != "it"))
      return true;
    // A possessive pronoun alone ("his attacks"), not as a modifier ("our nation").
    if (p.last - p.first == 1 && Is(t_.possessive_pronoun, t) && L(t) != "its") return true;
  }
  return false;
}

// "denounced as impossible", "criticised as a giveaway": token k is an "as" that opens a label
// (an adjective or a noun phrase), not a clause ("as it was sailing through").
bool CondemnationPass::ReducedPassiveLabel(int k, int hi) const {
  return k + 1 < hi && Word(k) && Is(t_.predicative_as, k) && Word(k + 1) &&
         !Is(words_.pronoun, k + 1) && !Is(words_.stop, k + 1) && mention_at_[k + 1] < 0;
}

// "He and Goodlatte both condemned", "they all criticised": token k is a quantifier after its
// subject (a name or a personal pronoun), not a determiner.
bool CondemnationPass::FloatingQuantifier(int k, int lo) const {
  return k - 1 >= lo && Word(k) && Is(t_.floating_quantifier, k) &&
         (mention_at_[k - 1] >= 0 || (Word(k - 1) && Is(words_.pronoun, k - 1)) ||
          Punct(k - 1, ")"));
}

// "charges that Rush Limbaugh, for one, called 'lingo'": the "that" at token t opens a relative
// clause whose verb of framing ([framing]) takes the noun as its object, no content clause.
bool CondemnationPass::FramedRelative(int t, int hi) const {
  const Phrase agent = ClauseAgent(t + 1, hi);
  if (agent.empty()) return false;
  int v = agent.last;
  // An inserted phrase between commas ("for one").
  if (v < hi && Punct(v, ",")) {
    int c = v + 1;
    while (c < hi && c < v + 5 && !Punct(c, ",")) ++c;
    if (c < hi && Punct(c, ",")) v = c + 1;
  }
  while (v < hi && Adverb(v)) ++v;
  return v < hi && Word(v) && Is(t_.framing, v);
}

// "accused X of attacking", "criticised X for opposing": the gerund at token i follows "of"
// or "for" after another cue and its object, within ten tokens.
bool CondemnationPass::CueBeforeGerund(int i, int lo) const {
  if (i - 2 < lo || !Word(i - 1) || (L(i - 1) != "of" && L(i - 1) != "for")) return false;
  if (Is(words_.refusal, i - 2) || L(i - 2) == "short" || !Content(i - 2)) return false;
  for (int c = std::max(lo, i - 10); c < i - 2; ++c)
    if (IsCueForm(c)) return true;
  return false;
}

// "Farmers that oppose the quota": token k is a relative "that" after a noun, not a
// determiner or a complementiser.
bool CondemnationPass::RelativeThat(int k, int lo) const {
  return k - 1 >= lo && Word(k) && L(k) == "that" && Content(k - 1) && !VerbLike(k - 1) && !Is(words_.speech, k - 1) && !IsCueForm(k - 1) &&
         !LooksParticiple(k - 1);
}

// The subject ending at token j, also when its head is a gerund noun ("the police shooting
// sparked protests"), which BackwardNP reads as a verb.
Phrase CondemnationPass::GerundSubjectBefore(int j, int lo) const {
  Phrase p = SubjectBefore(j, lo);
  // The gerund: the last word, or the word before the phrase's "of" ("the army shelling of
  // the port").
  const int g = p.empty() ? j : p.first - 1 >= lo && L(p.first - 1) == "of" ? p.first - 2 : -1;
  if (g - 1 < lo || !Word(g) || Cap(g)) return p;
  const std::string_view w = L(g);
  if (w.size() < 6 || w.compare(w.size() - 3, 3, "ing") != 0 || IsCueForm(g)) return p;
  if (!(Content(g - 1) || Is(words_.det, g - 1) || Possessive(g - 1))) return p;
  Phrase before = Is(words_.det, g - 1) ? Phrase{g - 1, g} : BackwardNP(g - 1, lo);
  if (before.empty()) return p;
  return {before.first, p.empty() ? g + 1 : p.last};
}

}  // namespace condemnations
}  // namespace presslens
