// Cue reading: each cue occurrence as a noun or a verb by its position, and a verb reading
// run through its steps (verb group, target, sense, source). Reads the pass's token classes
// and the quotes' speakers; writes findings through Emit (records.cc).

#include <algorithm>
#include <string>
#include <vector>

#include "condemnations/pass.h"

namespace presslens {
namespace condemnations {

// Reads one cue occurrence; true when a finding was emitted.
bool CondemnationPass::TryCue(int i, const CueFormRef& ref) {
  const CueEntry& e = lex_.entry(ref.entry);
  int lo = SentFirst(i), hi = SentLast(i);
  const int cue_last = CueLast(i, e, hi);
  if (cue_last < 0) return false;
  // A capitalised cue inside a sentence is part of a name ("Grand Slam", "Million Man
  // March"); in a headline only after a lower-case word or a name ("Russia Condemns").
  if (Cap(i) && i > lo && !(Kind(i - 1) == TokenKind::kQuote && i - 1 == lo)) {
    const Sentence& sent = doc_.sentences[doc_.tokens[i].sentence];
    if (!(sent.headline || TitleCaseLine(i)) || doc_.tokens[i].all_caps) return false;
    if (Cap(i - 1) && mention_at_[i - 1] < 0 && !EntityNameWord(i - 1)) return false;
  }
  const bool noun_form = ref.form == CueForm::kNoun || ref.form == CueForm::kNounPlural;
  // "was (totally) against": a form of "be" before the word.
  if (e.copula) {
    int b = i - 1;
    while (b >= lo && i - b < 4 && (Adverb(b) || Is(words_.negator, b) ||
                                     (Kind(b) == TokenKind::kQuote && open_mark_[b] == 1)))
      --b;
    if (!(b >= lo && (Word(b) || Kind(b) == TokenKind::kClitic) && Is(words_.passive_aux, b) &&
          Is(words_.aux, b)))
      return false;
  }
  if (!FitsPosition(i, ref, lo)) return false;
  if (noun_form) return TryNominal(i, e, lo, hi, cue_last, std::string(e.cameo));
  // "ideas for attacking Trump", "plans for criticizing the bill": a gerund after a noun of
  // intent and "for" states no act.
  if (ref.form == CueForm::kGerund && i - 2 >= lo && Word(i - 1) && L(i - 1) == "for" &&
      Word(i - 2) && Is(t_.intent_noun, i - 2))
    return false;

  VerbReading r;
  r.i = i;
  r.lo = lo;
  r.hi = hi;
  r.after = cue_last + 1;
  r.cameo = std::string(e.cameo);
  if (!ReadVerbGroup(e, ref, &r) || !FindVerbTarget(e, ref, &r) || !TargetFits(e, r)) return false;
  const Actor* given = nullptr;
  Actor inherited;
  // "Democrats that said they didn't like the agenda": an attitude whose clause a speech verb
  // reports is expressed, inside a quote or not.
  bool reported = false;
  if (e.expressed && !r.passive) {
    const Phrase subject = SubjectBefore(r.chain - 1, lo);
    reported = !subject.empty() && !Is(words_.first_person, subject.first) &&
               !SpeakerOfReportedClause(subject).empty();
  }
  if (e.expressed && !reported) {
    // Only the holder's own words: inside a quote, with a first-person subject or none at the
    // quote's opening ("Absolutely hate this framing," X said).
    const int q = quote_at_[i];
    if (q < 0) return false;
    int s = r.chain - 1;
    auto opening = [&](int t) { return t < lo || (Kind(t) == TokenKind::kQuote && open_mark_[t] == 1); };
    // "Absolutely hate ...": a capitalised adverb opening the quote.
    if (s >= lo && Word(s) && Cap(s) && mention_at_[s] < 0 && opening(s - 1) &&
        L(s).size() > 4 && L(s).compare(L(s).size() - 2, 2, "ly") == 0)
      --s;
    if (opening(s) && !r.passive) {
      if (!doc_.quotes[q].has_speaker) return false;
      r.speaker_source = doc_.quotes[q].speaker;
      r.has_speaker_source = true;
      r.source_known = true;
    }
  }
  if (!FindVerbSource(ref, &r, &inherited, &given)) return false;
  // "better ways to criticize Trump", "a chance to condemn": an infinitive after a noun of
  // possibility or intent is no reported act.
  if (r.infinitive && L(r.chain) == "to" && IrrealisNoun(r.chain - 1, lo)) return false;
  // "none of his rivals attacked him": an actor must attack a person for the attack to be
  // verbal.
  if (e.verbal && !given && !ActorPhrase(r.source) &&
      VerbalSense(r.target, lo, hi, r.person_source, VerbalReason(r)) == Verbal::kIfActorSource)
    return false;
  // "none of his rivals attacked him", "Nobody criticised the plan": a negative subject.
  if (!r.source.empty() && !r.passive) {
    const int f = r.source.first;
    if ((Word(f) && Is(t_.negative_subject, f)) ||
        (f - 2 >= lo && L(f - 1) == "of" && Word(f - 2) && Is(t_.negative_subject, f - 2)))
      r.negated = true;
  }
  // Asked last: most cue words are no finding before this.
  if (NotAsserted(r.chain)) return false;
  // "was against the war": a copula's subject must be an actor ("It is against the rules",
  // "the vote is against him" are no finding).
  if (e.copula && !given && !ActorPhrase(r.source)) return false;
  if (e.expressed && !r.has_speaker_source && !reported &&
      !(r.source.last - r.source.first == 1 && Is(words_.first_person, r.source.first)))
    return false;
  // "found no fault with", "had no problem with": a negator inside the cue's words.
  for (int k = i + 1; k < cue_last; ++k)
    if (Word(k) && Is(words_.negator, k)) r.negated = true;
  Emit(i, cue_last, e, r.cameo, r.target, !r.source.empty(), r.source, given, r.negated, r.rule);
  return true;
}

// "Trump's highly personal, racially tinged attacks": the possessive or determiner before the
// adjectives, adverbs and commas in front of the noun at token i (at most seven tokens, no
// comma first or last), or -1.
int CondemnationPass::OwnerBeforeAdjectives(int i, int lo) const {
  bool comma = false;
  int k = i - 1;
  while (k >= lo && i - k < 8 &&
         ((Word(k) && !Cap(k) && (Content(k) || Adverb(k)) && !VerbLike(k) && !IsCueForm(k)) ||
          (Punct(k, ",") && k < i - 1 && !Punct(k + 1, ",")))) {
    comma |= Punct(k, ",");
    --k;
  }
  if (!comma || k < lo || Punct(k + 1, ",")) return -1;
  return Possessive(k) || (Word(k) && (Is(t_.possessive_pronoun, k) || Is(words_.det, k))) ? k
                                                                                            : -1;
}

// Noun or verb? A determiner, possessive or preposition (through adjectives) before the word
// makes it a noun: "a sharp protest", "Sharetsky's charge", "of protests". True when the form
// `ref` fits its position.
bool CondemnationPass::FitsPosition(int i, const CueFormRef& ref, int lo) const {
  const bool noun_form = ref.form == CueForm::kNoun || ref.form == CueForm::kNounPlural;
  bool noun_context = false;
  bool after_modifiers = false;  // noun_context comes from a determiner before other words
  bool actor_before = false;  // "U.S. criticism of", "EU complaints": an actor as modifier
  bool segment_start = false; // "Protests against X", "AL-ANWAR - Continued criticism of X"
  {
    int j = i - 1;
    // Back over adjectives and adverbs: "sparked sometimes violent protests"; and over
    // coordinated adjectives ("drew widespread but muted criticism").
    auto adjective = [&](int t) {
      return Word(t) && !Cap(t) && (Content(t) || Adverb(t)) && !IsCueForm(t) && !VerbLike(t);
    };
    while (j >= lo && i - j < 4 && adjective(j)) --j;
    while (j - 1 >= lo && j < i - 1 && i - j < 7 && Word(j) &&
           (Is(t_.noun_coordinator, j) || Is(t_.clause_coordinator, j)) && adjective(j - 1)) {
      --j;
      while (j >= lo && i - j < 7 && adjective(j)) --j;
    }
    auto starts = [&](int t) {
      return t < lo || Kind(t) == TokenKind::kQuote || Dash(t) || Punct(t, ":");
    };
    segment_start = starts(j) || (j >= lo && Word(j) && Cap(j) && mention_at_[j] < 0 &&
                                  !Is(words_.stop, j) && starts(j - 1));
    after_modifiers = j >= lo && j < i - 1 && Word(j) && Is(words_.det, j);
    if (j >= lo) {
      // "to protest" is a verb, "to protests" and "to violent protests" are nouns.
      bool to_noun = Word(j) && L(j) == "to" &&
                     (j < i - 1 || ref.form == CueForm::kNounPlural || ref.form == CueForm::kThird);
      bool prep_after_adj = j < i - 1 && Word(j) &&
                            Is(t_.noun_after_adjective, j);
      // "There were attacks on X", "were fierce protests": an -s form after an auxiliary is a
      // plural noun (no auxiliary takes a verb in -s).
      bool plural_after_aux = Word(j) && Is(words_.aux, j) &&
                              (ref.form == CueForm::kNounPlural || ref.form == CueForm::kThird);
      noun_context = (Word(j) && (Is(words_.det, j) || Is(t_.noun_before, j) || VerbLike(j))) ||
                     to_noun || prep_after_adj || plural_after_aux || Possessive(j) ||
                     (mention_at_[j] >= 0 &&
                      doc_.mentions[mention_at_[j]].type == EntityType::kNorp && j == i - 1);
      if (mention_at_[j] >= 0) {
        // "the Tulsa protest remained": a name between a determiner and the word modifies a
        // noun that a verb follows ("The KDP charges that" is a verb).
        const int mf = doc_.mentions[mention_at_[j]].first;
        const int next = i + 1;
        if (j == i - 1 && mf - 1 >= lo && Word(mf - 1) && Is(words_.det, mf - 1) && next < N() &&
            (Is(words_.aux, next) || LooksParticiple(next) || Kind(next) == TokenKind::kPunct))
          noun_context = true;
        const EntityType type = doc_.mentions[mention_at_[j]].type;
        actor_before =
            type == EntityType::kNorp || type == EntityType::kGpe || type == EntityType::kOrg;
      }
    }
  }
  // "had choice words for": an adjective of disapproval before a noun of speech.
  if (noun_form && Is(t_.evaluated_noun, i) && HarshModified(i, lo)) noun_context = true;
  // "Trump's highly personal, racially tinged attacks": adjectives joined by commas.
  if (noun_form && !noun_context && OwnerBeforeAdjectives(i, lo) >= 0) noun_context = true;
  // "faced hostility and opposition from X": a word with no verb reading coordinated with a
  // noun before it.
  if (noun_form && !noun_context && i - 2 >= lo && Word(i - 1) && Is(t_.noun_coordinator, i - 1) &&
      Word(i - 2) && !Cap(i - 2) && Content(i - 2) && !VerbLike(i - 2) && !IsCueForm(i - 2)) {
    bool verb = false;
    for (const CueFormRef& r : *lex_.Find(H(i), L(i)))
      verb |= r.form != CueForm::kNoun && r.form != CueForm::kNounPlural;
    noun_context = !verb;
  }
  // A noun entry needs a noun position (or the start of a sentence: "Protests against X");
  // a verb entry must not stand in one ("the accused", "a protest").
  if (noun_form && !noun_context && !actor_before && !segment_start) return false;
  if (!noun_form) {
    // A verb form that is also a noun ("protest", "protests") is read as the noun after a
    // determiner or adjectives; one that is not ("accused") only after an immediate
    // determiner or possessive ("the accused"). A gerund after a preposition stays a verb.
    bool has_noun = false;
    for (const CueFormRef& r : *lex_.Find(H(i), L(i)))
      has_noun |= r.form == CueForm::kNoun || r.form == CueForm::kNounPlural;
    bool immediate = i - 1 >= lo && (Is(words_.det, i - 1) || Possessive(i - 1)) &&
                     !(ref.form != CueForm::kGerund && RelativeThat(i - 1, lo)) &&
                     !FloatingQuantifier(i - 1, lo);
    if (ref.form == CueForm::kGerund && i - 1 >= lo) {
      // "400 opposing guerrillas", "between opposing players": an adjective.
      std::string_view p = L(i - 1);
      bool verbal_prep = Is(t_.gerund_preposition, i - 1);
      // "cited disparaging remarks": an adjective before a noun of something said, after a
      // verb (not after "be", "to" or a preposition: "is criticising remarks ...").
      if (i + 1 < N() && Word(i + 1) && Is(t_.verbal_object, i + 1) && Word(i - 1) &&
          LooksParticiple(i - 1) && !IsCueForm(i - 1))
        return false;
      if (Kind(i - 1) == TokenKind::kNumber ||
          (Word(i - 1) && Is(words_.stop, i - 1) && !verbal_prep && !Is(words_.aux, i - 1) &&
           p != "and" && p != "but" && p != "also" && p != "not"))
        immediate = true;
      // "accused X of attacking ...", "criticised X for opposing ...": X's disapproval, which
      // the other cue reports (FindVerbSource reads X as its source); "stopped short of
      // condemning" is a refusal.
      if ((p == "of" || p == "for") && CueBeforeGerund(i, lo)) immediate = false;
    }
    // "The government blames the situation on X": an -s form after a noun phrase and before a
    // determiner or pronoun is the verb (a noun there would need a verb between).
    if (ref.form == CueForm::kThird && noun_context && after_modifiers && i + 1 < N() &&
        Word(i + 1) &&
        (Is(words_.det, i + 1) || Is(t_.possessive_pronoun, i + 1) ||
         Is(t_.object_pronoun, i + 1)))
      noun_context = false;
    if (ref.form == CueForm::kGerund ? immediate : has_noun ? noun_context : immediate)
      return false;
  }

  return true;
}

// "Hillary Clinton Goes After Donald Trump As The New Mitt Romney.": the sentence of token i
// has no lower-case word but the small words of titles ([title-small-word]), so it is a
// headline even with a final period.
bool CondemnationPass::TitleCaseLine(int i) const {
  const Sentence& sent = doc_.sentences[doc_.tokens[i].sentence];
  int words = 0;
  for (int k = sent.first; k < sent.last; ++k) {
    if (!Word(k)) continue;
    ++words;
    if (!Cap(k) && !Is(t_.title_small_word, k)) return false;
  }
  return words >= 4;
}

// Token t is the last word of an entity's name ("Clinton" of "Hillary Clinton" where the
// entity pass found "Clinton" elsewhere): a name in a title-case headline the pass missed.
bool CondemnationPass::EntityNameWord(int t) const {
  const std::string_view w = doc_.TokenText(t);
  for (const Entity& e : doc_.entities) {
    const std::string_view n = e.name;
    if (n.size() >= w.size() && n.compare(n.size() - w.size(), w.size(), w) == 0 &&
        (n.size() == w.size() || n[n.size() - w.size() - 1] == ' '))
      return true;
  }
  return false;
}

}  // namespace condemnations
}  // namespace presslens
