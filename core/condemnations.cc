// Condemnations without a parser: each cue occurrence is read with a few local patterns
// (active, passive, nominal, "accuse X of Z", "blame X for Z" / "blame Z on X", that-clauses,
// participial adjuncts) over the tokens of its sentence; its noun phrases are the Chunker's
// (chunker.h). All scans are bounded by the sentence and small windows, so the pass is linear
// in the text.
#include "condemnations.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "chunker.h"
#include "condemnation_lexicon.h"
#include "tokens.h"

namespace presslens {
namespace {

using WordSet = WordHashSet;

constexpr int kLookBack = 400;  // tokens scanned back for a pair ("Both sides")

}  // namespace

// The word lists of the condemnation reader beyond the chunker's.
struct CondemnationFinder::Tables {
  const ChunkerLexicon& words;
  // data/condemnation-words.txt
  const WordSet *verbal_object, *claim, *formal_request, *caution, *actor_noun, *event, *document,
      *non_assertive, *emphasis, *physical_attack, *verbal_means, *person_object,
      *negative_subject, *floating_quantifier, *irrealis_noun, *intent_noun, *aimed_preposition,
      *evaluated_noun, *harsh_modifier, *framing, *relative_pronoun, *vote, *symptom,
      *factive_adjective, *putative_modal, *indefinite_pronoun;
  // data/en/function-words.txt
  const WordSet *stative_aux, *inversion_aux, *conditional, *epistemic_modal, *future_modal,
      *head_end, *possessive_pronoun, *noun_after_adjective, *noun_before, *object_pronoun,
      *person_pronoun, *gerund_preposition, *deliberation_word, *sequence_adverb,
      *predicative_as, *title_small_word;
  explicit Tables(const ChunkerLexicon& w) : words(w) {
    const CueLexicon& lex = w.lex;
    verbal_object = &lex.List("verbal-object");
    claim = &lex.List("claim");
    formal_request = &lex.List("formal-request");
    caution = &lex.List("caution");
    actor_noun = &lex.List("actor-noun");
    event = &lex.List("event");
    document = &lex.List("document");
    non_assertive = &lex.List("non-assertive");
    emphasis = &lex.List("emphasis");
    stative_aux = &lex.List("stative-aux");
    inversion_aux = &lex.List("inversion-aux");
    gerund_preposition = &lex.List("gerund-preposition");
    deliberation_word = &lex.List("deliberation-word");
    physical_attack = &lex.List("physical-attack");
    verbal_means = &lex.List("verbal-means");
    person_object = &lex.List("person-object");
    negative_subject = &lex.List("negative-subject");
    floating_quantifier = &lex.List("floating-quantifier");
    irrealis_noun = &lex.List("irrealis-noun");
    intent_noun = &lex.List("intent-noun");
    aimed_preposition = &lex.List("aimed-preposition");
    evaluated_noun = &lex.List("evaluated-noun");
    harsh_modifier = &lex.List("harsh-modifier");
    framing = &lex.List("framing");
    relative_pronoun = &lex.List("relative-pronoun");
    vote = &lex.List("vote");
    symptom = &lex.List("symptom");
    factive_adjective = &lex.List("factive-adjective");
    putative_modal = &lex.List("putative-modal");
    indefinite_pronoun = &lex.List("indefinite-pronoun");
    conditional = &lex.List("conditional");
    epistemic_modal = &lex.List("epistemic-modal");
    future_modal = &lex.List("future-modal");
    head_end = &lex.List("head-end");
    possessive_pronoun = &lex.List("possessive-pronoun");
    noun_after_adjective = &lex.List("noun-after-adjective");
    noun_before = &lex.List("noun-before");
    object_pronoun = &lex.List("object-pronoun");
    person_pronoun = &lex.List("person-pronoun");
    sequence_adverb = &lex.List("sequence-adverb");
    predicative_as = &lex.List("predicative-as");
    title_small_word = &lex.List("title-small-word");
  }
};

// The pass's buffers, kept by the caller from one Run to the next (condemnations.h), emptied
// by the Reader before use.
struct CondemnationScratch {
  std::vector<int> quote_at;
  std::vector<CueFormRef> order;  // Run(): a word's cue readings, longest first
};

namespace {

// Everything one Run needs about the document, computed once; phrases are read by the Chunker.
class Reader : public Chunker {
 public:
  PRESSLENS_OUT_OF_LINE Reader(const CondemnationFinder::Tables& t, Document* doc,
                               const ChunkIndex& chunks, CondemnationScratch* scratch)
      : Chunker(t.words, *doc, chunks), t_(t), out_(*doc), s_(*scratch) {
    SwapScratch();  // the arrays are plain members while the Reader reads (one load less each)
    size_t n = doc_.tokens.size();
    quote_at_.assign(n, -1);
    int qi = 0;
    for (const QuoteSpan& q : doc_.quote_spans) {
      if (q.nested) continue;
      int index = qi++;
      if (index >= static_cast<int>(doc_.quotes.size())) continue;
      for (int k = q.first; k < q.last && k < (int)n; ++k) quote_at_[k] = index;
    }
  }

  ~Reader() { SwapScratch(); }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  void Run();

 private:
  void SwapScratch() {
    quote_at_.swap(s_.quote_at);
    order_.swap(s_.order);
  }

  const CondemnationFinder::Tables& t_;
  Document& out_;           // receives the condemnations
  CondemnationScratch& s_;  // the arrays below are taken from it and given back
  std::vector<int> quote_at_;
  std::vector<CueFormRef> order_;   // Run(): a word's cue readings, longest first

  // The last finding of the current sentence, for "oppose A, oppose B".
  int last_sentence_ = -1;
  int last_target_end_ = -1;
  bool last_has_source_ = false;
  Actor last_source_;

  // ---- phrases
  bool RequestOrHypothetical(int cue, int chain_start) const;
  bool DeniedClause(int cue, int chain_start) const;
  bool NotAsserted(int chain_start) const;
  bool Future(int first, int verb) const;
  Phrase RelativeHead(Phrase p, int lo) const;
  bool TitleCaseLine(int i) const;
  bool EntityNameWord(int t) const;
  bool HarshModified(int i, int lo) const {
    return i - 1 >= lo && Word(i - 1) && Is(t_.harsh_modifier, i - 1);
  }
  bool ActorPhrase(Phrase p) const;
  bool PersonPhrase(Phrase p) const;
  bool PhysicalAttack(Phrase object, int lo, int hi) const;
  bool CueBeforeGerund(int i, int lo) const;
  bool FramedRelative(int t, int hi) const;
  bool PutativeModal(int chain, int cue) const;
  Phrase ObjectGapHead(int a, int chain, int lo, int hi) const;
  // The sense of a cue that is a disapproval only as a verbal attack ("attack", "assail").
  enum class Verbal { kNo, kYes, kIfActorSource };
  Verbal VerbalSense(Phrase target, int lo, int hi, bool person_source, bool reason) const;
  bool RelativeThat(int k, int lo) const;
  bool FloatingQuantifier(int k, int lo) const;
  bool ReducedPassiveLabel(int k, int hi) const;
  bool IrrealisNoun(int k, int lo) const;
  Phrase GerundSubjectBefore(int j, int lo) const;
  // Whether a word of p is in `list`.
  bool AnyIn(const WordSet* list, Phrase p) const {
    for (int t = p.first; t < p.last; ++t)
      if (Is(list, t)) return true;
    return false;
  }

  // ---- actors
  bool ResolveActor(Phrase p, int cue, Actor* out) const;
  bool ResolvePronoun(int i, int cue, Actor* out) const;
  bool ResolveCollective(Phrase p, Actor* out) const;
  std::string Describe(Phrase p) const;
  int SingleEntity(Phrase p) const;
  std::string AccuseSubcode(int of_token, int end) const;

  struct VerbReading;
  bool TryCue(int i, const CueFormRef& ref);
  bool FitsPosition(int i, const CueFormRef& ref, int lo) const;
  bool ReadVerbGroup(const CueEntry& e, const CueFormRef& ref, VerbReading* r) const;
  bool FindVerbTarget(const CueEntry& e, const CueFormRef& ref, VerbReading* r) const;
  bool TargetFits(const CueEntry& e, const VerbReading& r) const;
  bool VerbalReason(const VerbReading& r) const;
  bool FindVerbSource(const CueFormRef& ref, VerbReading* r, Actor* inherited,
                      const Actor** given) const;
  void JointAgent(Phrase first, int hi, VerbReading* r) const;
  bool JoinActors(Phrase first, Phrase second, int cue, Actor* out) const;
  void JointSubject(Phrase second, int lo, VerbReading* r) const;
  bool TryNominal(int i, const CueEntry& e, int lo, int hi, int cue_last,
                  const std::string& cameo);
  void Emit(int i, int cue_last, const CueEntry& e, const std::string& cameo, Phrase target,
            bool has_source, Phrase source, const Actor* given, bool negated,
            CondemnationRule rule);
};

// "urged X to condemn", "called on X to condemn", "if the company rejects": no finding.
bool Reader::RequestOrHypothetical(int cue, int chain_start) const {
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
      if (Word(k) && (L(k) == "if" || L(k) == "unless")) return true;
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
bool Reader::DeniedClause(int cue, int chain_start) const {
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
bool Reader::NotAsserted(int chain_start) const {
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
bool Reader::Future(int first, int verb) const {
  for (int k = first; k < verb; ++k)
    if (Word(k) && (Is(t_.future_modal, k) ||
                    (Is(words_.future_to, k) && k + 1 < verb && L(k + 1) == "to")))
      return true;
  return false;
}

// "Hillary Clinton Goes After Donald Trump As The New Mitt Romney.": the sentence of token i
// has no lower-case word but the small words of titles ([title-small-word]), so it is a
// headline even with a final period.
bool Reader::TitleCaseLine(int i) const {
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
bool Reader::EntityNameWord(int t) const {
  const std::string_view w = doc_.TokenText(t);
  for (const Entity& e : doc_.entities) {
    const std::string_view n = e.name;
    if (n.size() >= w.size() && n.compare(n.size() - w.size(), w.size(), w) == 0 &&
        (n.size() == w.size() || n[n.size() - w.size() - 1] == ' '))
      return true;
  }
  return false;
}

// "Activists who organised the protest condemned X", "The attacks that killed five people
// were condemned": a phrase that is the object of a relative clause stands for the clause's
// head noun, the subject of the verb after it. Returns p otherwise.
Phrase Reader::RelativeHead(Phrase p, int lo) const {
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
bool Reader::ActorPhrase(Phrase p) const {
  for (int t = p.first; t < p.last; ++t)
    if (mention_at_[t] >= 0 || (Is(words_.pronoun, t) && L(t) != "it") ||
        Is(t_.actor_noun, t) || PeopleNoun(t))
      return true;
  return false;
}

// Whether the phrase names a person: a person's name, a personal pronoun other than "it"
// ([person-object]: "him", "her", ...), a possessive pronoun alone ("his") or a plural noun
// for people.
bool Reader::PersonPhrase(Phrase p) const {
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

// An attack in its physical sense: a word of violence, weapons or harm in the clause of the
// object inside [lo, hi) ([physical-attack]), or an instrument after the object ("attacked him with a
// bottle"; "with insults" is verbal, [verbal-means]).
bool Reader::PhysicalAttack(Phrase object, int lo, int hi) const {
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
Reader::Verbal Reader::VerbalSense(Phrase target, int lo, int hi, bool person_source,
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

// "ways to criticize", "a reason to oppose": token k is a noun of possibility or intent
// before an infinitive; not after a possessive, which reports an act ("went out of his way to
// criticize", "used their time to criticize").
bool Reader::IrrealisNoun(int k, int lo) const {
  if (k < lo || !Word(k) || !Is(t_.irrealis_noun, k)) return false;
  int b = k - 1;
  while (b >= lo && Word(b) && Content(b) && !VerbLike(b) && k - b < 3) --b;
  return !(b >= lo && (Possessive(b) || (Word(b) && Is(t_.possessive_pronoun, b))));
}

// "denounced as impossible", "criticised as a giveaway": token k is an "as" that opens a label
// (an adjective or a noun phrase), not a clause ("as it was sailing through").
bool Reader::ReducedPassiveLabel(int k, int hi) const {
  return k + 1 < hi && Word(k) && L(k) == "as" && Word(k + 1) && !Is(words_.pronoun, k + 1) &&
         !Is(words_.stop, k + 1) && mention_at_[k + 1] < 0;
}

// "He and Goodlatte both condemned", "they all criticised": token k is a quantifier after its
// subject (a name or a personal pronoun), not a determiner.
bool Reader::FloatingQuantifier(int k, int lo) const {
  return k - 1 >= lo && Word(k) && Is(t_.floating_quantifier, k) &&
         (mention_at_[k - 1] >= 0 || (Word(k - 1) && Is(words_.pronoun, k - 1)) ||
          Punct(k - 1, ")"));
}

// "charges that Rush Limbaugh, for one, called 'lingo'": the "that" at token t opens a relative
// clause whose verb of framing ([framing]) takes the noun as its object, no content clause.
bool Reader::FramedRelative(int t, int hi) const {
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

// "It is strange that Trump would denounce X": a "would" or "should" in the verb group
// [chain, cue) of a "that" clause after an adjective of evaluation ([factive-adjective])
// reports the act as a fact, no possibility.
bool Reader::PutativeModal(int chain, int cue) const {
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

// "accused X of attacking", "criticised X for opposing": the gerund at token i follows "of"
// or "for" after another cue and its object, within ten tokens.
bool Reader::CueBeforeGerund(int i, int lo) const {
  if (i - 2 < lo || !Word(i - 1) || (L(i - 1) != "of" && L(i - 1) != "for")) return false;
  if (Is(words_.refusal, i - 2) || L(i - 2) == "short" || !Content(i - 2)) return false;
  for (int c = std::max(lo, i - 10); c < i - 2; ++c)
    if (IsCueForm(c)) return true;
  return false;
}

// "Farmers that oppose the quota": token k is a relative "that" after a noun, not a
// determiner or a complementiser.
bool Reader::RelativeThat(int k, int lo) const {
  return k - 1 >= lo && Word(k) && L(k) == "that" && Content(k - 1) && !VerbLike(k - 1) && !Is(words_.speech, k - 1) && !IsCueForm(k - 1) &&
         !LooksParticiple(k - 1);
}

// The subject ending at token j, also when its head is a gerund noun ("the police shooting
// sparked protests"), which BackwardNP reads as a verb.
Phrase Reader::GerundSubjectBefore(int j, int lo) const {
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

PRESSLENS_OUT_OF_LINE std::string Reader::Describe(Phrase p) const {
  // The phrase up to its first preposition or comma, without leading determiners; lower case
  // except proper-noun parts ("the German embassy" -> "German embassy").
  int first = p.first, last = p.last;
  while (first < last && Word(first) && Is(words_.det, first)) ++first;
  for (int k = first; k < last; ++k) {
    if ((Word(k) && Is(words_.stop, k) && L(k) != "and") || Punct(k, ",")) {
      last = k;
      break;
    }
  }
  if (first >= last) { first = p.first; last = p.last; }
  std::string out;
  for (int k = first; k < last; ++k) {
    if (Kind(k) == TokenKind::kQuote) continue;
    const Token& t = doc_.tokens[k];
    if (!out.empty() && t.space_before) out += ' ';
    // Capitals are kept: a sentence-initial capital cannot be told from a proper noun the
    // entity pass missed ("Nepali opposition parties"), and names are compared ignoring case.
    if (Cap(k))
      out += doc_.TokenText(k);
    else
      out += L(k).empty() ? doc_.TokenText(k) : L(k);
  }
  return out;
}

// The entity when the phrase is one mention (determiners aside), else -1.
int Reader::SingleEntity(Phrase p) const {
  int first = p.first, last = p.last;
  while (first < last && (Kind(first) == TokenKind::kQuote || Is(words_.det, first))) ++first;
  while (last > first && (Kind(last - 1) == TokenKind::kQuote || Punct(last - 1, "."))) --last;
  if (first >= last) return -1;
  int m = mention_at_[first];
  if (m < 0) return -1;
  const Mention& mm = doc_.mentions[m];
  if (mm.first == first && mm.last == last) return mm.entity;
  return -1;
}

PRESSLENS_OUT_OF_LINE bool Reader::ResolvePronoun(int i, int cue, Actor* out) const {
  // A possessive stands for its pronoun ("its opposition" is it opposing).
  const std::string_view w = L(i);
  out->span = {doc_.tokens[i].start, doc_.tokens[i].end};
  if (words_.first_person->Has(w)) {
    int q = quote_at_[cue];
    if (q >= 0 && doc_.quotes[q].has_speaker) {
      const Actor& sp = doc_.quotes[q].speaker;
      out->entity = sp.entity;
      out->name = sp.name;
      return true;
    }
    out->entity = -1;
    out->name = std::string(doc_.TokenText(i));
    return true;
  }
  if (w == "you") return false;
  // he, she, it, they: the actor the coreference pass found, else the pronoun itself.
  const Reference* ref = doc_.ReferenceAt(i);
  out->entity = ref ? ref->entity : -1;
  out->name = out->entity >= 0 ? doc_.entities[out->entity].name
              : ref && ref->antecedent_first >= 0
                  ? Describe({ref->antecedent_first, ref->antecedent_last})
                  : std::string(doc_.TokenText(i));
  return true;
}

// "Both sides" after "Lavrov and Wang agreed": the last pair of actors joined by "and"
// in this or the three previous sentences.
bool Reader::ResolveCollective(Phrase p, Actor* out) const {
  bool match = false;
  for (const auto& words : lex_.collective()) {
    if (static_cast<int>(words.size()) != p.last - p.first) continue;
    bool ok = true;
    for (size_t w = 0; w < words.size() && ok; ++w) ok = L(p.first + (int)w) == words[w];
    if (ok) { match = true; break; }
  }
  if (!match) return false;
  int sent = doc_.tokens[p.first].sentence;
  int lo = std::max(doc_.sentences[std::max(0, sent - 3)].first, p.first - kLookBack);
  bool persons = L(p.last - 1).find("minister") != std::string::npos ||
                 L(p.last - 1) == "leaders" || L(p.last - 1) == "men";
  bool countries = L(p.last - 1) == "countries" || L(p.last - 1) == "governments";
  auto actor = [](EntityType t) {
    return t == EntityType::kPerson || t == EntityType::kOrg || t == EntityType::kGpe ||
           t == EntityType::kNorp;
  };
  // One side of "A and B": an entity mention, or else a run of capitalised words (a name the
  // entity pass missed). Returns false when the side is neither.
  auto side = [&](int edge, int dir, Actor* actor, EntityType* type) {
    int m = mention_at_[edge];
    if (m >= 0 && doc_.mentions[m].entity >= 0) {
      const Mention& mm = doc_.mentions[m];
      actor->entity = mm.entity;
      actor->name = doc_.entities[mm.entity].name;
      actor->span = {doc_.tokens[mm.first].start, doc_.tokens[mm.last - 1].end};
      *type = mm.type;
      return true;
    }
    int a = edge, b = edge;
    auto name_word = [&](int t) {
      return t >= lo && t < p.first && Word(t) && Cap(t) && !Is(words_.stop, t) &&
             !Is(words_.det, t) && !Is(words_.pronoun, t) &&
             doc_.tokens[t].start != doc_.sentences[doc_.tokens[t].sentence].start;
    };
    if (!name_word(edge)) return false;
    while (name_word(dir < 0 ? a - 1 : b + 1)) (dir < 0 ? a : b) += dir;
    actor->entity = -1;
    actor->name = std::string(doc_.SpanText(doc_.tokens[a].start, doc_.tokens[b].end));
    actor->span = {doc_.tokens[a].start, doc_.tokens[b].end};
    *type = EntityType::kMisc;
    return true;
  };
  for (int k = p.first - 2; k > lo; --k) {
    if (!(Word(k) && (L(k) == "and" || L(k) == "&"))) continue;
    Actor a, b;
    EntityType ta, tb;
    if (!side(k - 1, -1, &a, &ta) || !side(k + 1, +1, &b, &tb) || a.name == b.name) continue;
    // Actors of any kind for "both sides"; people for "the two ministers"; states for "both
    // countries". (The tagger may confuse PERSON and ORG, so only places are kept apart.)
    if ((ta != EntityType::kMisc && !actor(ta)) || (tb != EntityType::kMisc && !actor(tb)))
      continue;
    if (persons && (ta == EntityType::kGpe || tb == EntityType::kGpe)) continue;
    if (countries && (ta == EntityType::kPerson || tb == EntityType::kPerson)) continue;
    out->entity = -1;
    out->name = a.name + " & " + b.name;
    out->span = {doc_.tokens[p.first].start, doc_.tokens[p.last - 1].end};
    out->actors = {std::move(a), std::move(b)};
    return true;
  }
  return false;
}

bool Reader::ResolveActor(Phrase p, int cue, Actor* out) const {
  if (p.empty()) return false;
  out->span = {doc_.tokens[p.first].start, doc_.tokens[p.last - 1].end};
  out->entity = -1;
  // "The Socialists said they opposed ...": the pronoun is the speaker just named.
  if (p.last - p.first == 1 && Is(words_.pronoun, p.first) && !Is(words_.first_person, p.first) &&
      L(p.first) != "you") {
    int lo = SentFirst(p.first);
    int k = p.first - 1;
    if (k >= lo && L(k) == "that") --k;
    while (k >= lo && Adverb(k)) --k;
    int t = k;
    // "said on Friday he ...": a time expression between the verb and the pronoun.
    if (t - 1 >= lo && Is(words_.time, t) && (L(t - 1) == "on" || L(t - 1) == "last")) t -= 2;
    if (t >= lo + 1 && Word(t) && !Cap(t) && Is(words_.speech, t)) {
      int j = t - 1;
      while (j >= lo && Adverb(j)) --j;
      Phrase speaker = SubjectBefore(j, lo);
      if (!speaker.empty() &&
          !(speaker.last - speaker.first == 1 && Is(words_.pronoun, speaker.first))) {
        Actor named;
        if (ResolveActor(speaker, cue, &named)) {
          out->entity = named.entity;
          out->name = named.name;
          return true;
        }
      }
    }
  }
  if (p.last - p.first == 1 &&
      (Is(words_.pronoun, p.first) || L(p.first) == "its" || L(p.first) == "their" ||
       L(p.first) == "his" || L(p.first) == "her" || L(p.first) == "our"))
    return ResolvePronoun(p.first, cue, out);
  if (ResolveCollective(p, out)) return true;
  // The head part: up to the first preposition or comma.
  int last = p.last;
  for (int k = p.first; k < p.last; ++k) {
    if ((Word(k) && Is(t_.head_end, k)) ||
        Punct(k, ",")) {
      last = k;
      break;
    }
  }
  // Mentions in the head part, joined by "and" when there are several.
  std::vector<int> ms;
  for (int k = p.first; k < last; ++k) {
    int m = mention_at_[k];
    if (m >= 0 && (ms.empty() || ms.back() != m) && doc_.mentions[m].entity >= 0) ms.push_back(m);
  }
  int head = last - 1;
  while (head > p.first && (Kind(head) == TokenKind::kQuote || Punct(head, "."))) --head;
  bool coordinated = false;
  for (int k = p.first; k < last; ++k) coordinated |= (L(k) == "and" || L(k) == "&");
  if (ms.size() >= 2 && coordinated) {
    std::string name;
    std::vector<int> seen;
    for (int m : ms) {
      int e = doc_.mentions[m].entity;
      if (std::find(seen.begin(), seen.end(), e) != seen.end()) continue;
      seen.push_back(e);
      if (!name.empty()) name += " & ";
      name += doc_.entities[e].name;
      Actor& part = out->actors.emplace_back();
      part.entity = e;
      part.name = doc_.entities[e].name;
      part.span = {doc_.tokens[doc_.mentions[m].first].start,
                   doc_.tokens[doc_.mentions[m].last - 1].end};
    }
    out->name = name;
    return true;
  }
  if (!ms.empty()) {
    const Mention& mm = doc_.mentions[ms.back()];
    if (mm.last - 1 >= head) {
      out->entity = mm.entity;
      const Entity& e = doc_.entities[mm.entity];
      // A demonym stands for its country ("an Israeli complaint" -> Israel).
      bool adjective = p.last < N() && Word(p.last) && !Cap(p.last) && !Is(words_.stop, p.last);
      out->name = (mm.type == EntityType::kNorp && !e.country.empty() && adjective)
                      ? e.country
                      : e.name;
      return true;
    }
  }
  // No entity: a capitalised name at the head ("Freddy Pinas") or the description.
  // ("Top Belarus politician" has a lower-case head: a description.)
  if (Word(head) && Cap(head) && !Is(words_.det, head) && !Is(words_.stop, head)) {
    int s = head;
    while (s - 1 >= p.first && Word(s - 1) && Cap(s - 1) && !Is(words_.det, s - 1) &&
           !Is(words_.stop, s - 1))
      --s;
    out->name = std::string(doc_.SpanText(doc_.tokens[s].start, doc_.tokens[head].end));
    return true;
  }
  out->name = Describe({p.first, last});
  return true;
}

std::string Reader::AccuseSubcode(int of_token, int end) const {
  // Only the accusation itself: up to the end of its clause ("of stupidity, Arafat launched
  // his strongest attack" is about stupidity).
  int stop = of_token + 1;
  while (stop < end && stop < of_token + 12 && !Punct(stop, ",") && !Punct(stop, ";") &&
         !Punct(stop, ".") &&
         !(Word(stop) && (L(stop) == "and" || L(stop) == "but") && stop + 1 < end &&
           Word(stop + 1) && Is(words_.speech, stop + 1)))
    ++stop;
  end = stop;
  // More specific codes first (war crimes before crimes).
  for (int pass = 0; pass < 2; ++pass) {
    for (auto it = lex_.topics().rbegin(); it != lex_.topics().rend(); ++it) {
      for (int k = of_token + 1; k < end; ++k) {
        if (pass == 0) {
          for (const auto& ph : it->phrases) {
            bool ok = k + (int)ph.size() <= end;
            for (size_t w = 0; w < ph.size() && ok; ++w) ok = L(k + (int)w) == ph[w];
            if (ok) return std::string(it->code);
          }
        } else if (it->words.Has(H(k), L(k))) {
          return std::string(it->code);
        }
      }
    }
  }
  return "";
}

void Reader::Emit(int i, int cue_last, const CueEntry& e, const std::string& cameo,
                  Phrase target, bool has_source, Phrase source, const Actor* given,
                  bool negated, CondemnationRule rule) {
  // "insulted by the term 'African American outreach'": a quoted name (a few words, no verb
  // or pronoun) right after the noun belongs to the target, up to its closing mark (with a
  // comma or period inside the marks), so that the target's marks pair up. ("a microphone 'is
  // not having a good night'" is a predicate.)
  if (target.last < SentLast(i) && Kind(target.last) == TokenKind::kQuote &&
      open_mark_[target.last] == 1 && Word(target.last - 1) && !Cap(target.last - 1)) {
    for (int k = target.last + 1; k < SentLast(i) && k < target.last + 8; ++k) {
      if (Kind(k) == TokenKind::kQuote && open_mark_[k] == 2) {
        int end = k;
        while (end - 1 > target.last && Kind(end - 1) == TokenKind::kPunct) --end;
        if (end - 1 > target.last) target.last = k + 1;
        break;
      }
      if (Word(k) && (Is(words_.aux, k) || Is(words_.pronoun, k) || Is(words_.stop, k))) break;
    }
  }
  CondemnationRecord record;
  Condemnation& c = record.finding;
  c.cue.lemma = e.lemma;
  c.cue.cameo = cameo;
  c.cue.span = {doc_.tokens[i].start, doc_.tokens[cue_last].end};
  c.target.span = {doc_.tokens[target.first].start, doc_.tokens[target.last - 1].end};
  c.target.entity = SingleEntity(target);
  c.negated = negated;
  c.quote = quote_at_[i];
  record.rule.rule = rule;
  record.deny = e.deny;
  if (given) {
    c.has_source = true;
    c.source = *given;
  } else if (has_source) {
    c.has_source = ResolveActor(source, i, &c.source);
  }
  // A first-person source inside a quote: the quote's speaker ("We condemn ...").
  if (c.has_source && c.quote >= 0 && !source.empty() && source.last - source.first == 1 &&
      Is(words_.first_person, source.first))
    record.rule.quote_speaker = true;
  uint32_t start = std::min(c.cue.span.start, c.target.span.start);
  uint32_t end = std::max(c.cue.span.end, c.target.span.end);
  if (c.has_source && doc_.tokens[i].sentence ==
                          doc_.tokens[std::max(0, source.empty() ? i : source.first)].sentence &&
      !source.empty())
    start = std::min(start, c.source.span.start);
  c.span = {start, end};
  last_sentence_ = doc_.tokens[i].sentence;
  last_target_end_ = target.last;
  last_has_source_ = c.has_source;
  last_source_ = c.source;
  out_.condemnations.push_back(std::move(record));
}

// TryCue for a noun form of the cue (a function of its own: a text compiles and optimises only
// the readings it meets).
PRESSLENS_OUT_OF_LINE bool Reader::TryNominal(int i, const CueEntry& e, int lo, int hi,
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
  if (a < hi && Word(a) && (L(a) == "by" || L(a) == "from")) {
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
      if (L(a) == p) {
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
  if (target.empty() && a < hi && Word(a) && (L(a) == "and" || L(a) == "or")) {
    int b = a + 1;
    while (b < hi && Kind(b) == TokenKind::kQuote) ++b;
    if (b + 1 < hi && Word(b) && Content(b) && Word(b + 1) &&
        (L(b + 1) == "of" || L(b + 1) == "against" || L(b + 1) == "over"))
      target = ForwardNP(b + 2, hi, nullptr);
  }
  // "by Y" after the target: "criticism of X by Y".
  if (!target.empty() && source.empty() && target.last < hi && L(target.last) == "by") {
    source = ForwardNP(target.last + 1, hi, nullptr, false);
  }
  // "X drew criticism from Y", "The plan has raised a storm of protest from Y".
  if (target.empty()) {
    int v = j;
    if (v >= lo && L(v) == "of" && v - 2 >= lo) v -= 2;  // "a storm of"
    // "drew strong Iranian objections", "drew widespread foreign criticism".
    while (v >= lo && i - v < 6 &&
           (Is(words_.det, v) || Adverb(v) ||
            (mention_at_[v] >= 0 && doc_.mentions[mention_at_[v]].type == EntityType::kNorp) ||
            (Word(v) && !Cap(v) && Content(v) && !VerbLike(v))))
      --v;
    bool agent = after < hi && (L(after) == "from" || L(after) == "by" || L(after) == "among");
    if (v >= lo && Word(v) && (Is(words_.provoke, v) || (agent && Is(words_.provoke_agent, v)))) {
      const int cs = VerbGroupBefore(v).first;
      if (Future(cs, v)) return false;  // "will face the same partisan fire"
      const std::string_view vw = L(v);
      // "The raid killed four, prompting condemnation abroad": the participle's clause subject.
      if (cs == v && cs - 1 >= lo && Punct(cs - 1, ",") && vw.size() > 4 &&
          vw.compare(vw.size() - 3, 3, "ing") == 0)
        target = ClauseSubject(v);
      else
        target = GerundSubjectBefore(cs - 1, lo);
      if (!target.empty() && target.last - target.first == 1 && Is(words_.pronoun, target.first)) {
        // "it drew criticism": the target is what "it" stands for; keep the pronoun span.
      }
      rule = CondemnationRule::kNominalProvoke;
      if (source.empty() && after < hi && (L(after) == "from" || L(after) == "by"))
        source = ForwardNP(after + 1, hi, nullptr, false);
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

// Reads one cue occurrence; true when a finding was emitted.
// One verb reading of a cue occurrence, as TryCue's steps fill it in.
struct Reader::VerbReading {
  int i = 0, lo = 0, hi = 0;  // the cue token, its sentence's tokens [lo, hi)
  int after = 0;              // the token after the cue's words
  int a = 0;                  // `after` past adverbs and time phrases
  std::string cameo;
  bool negated = false, passive = false, infinitive = false, deontic = false;
  bool progressive = false;
  bool person_source = false;  // the subject just before the verb group is a person
  bool reduced_passive = false;  // "The budget, criticised by unions, ..."
  int chain = 0;              // the first token of the auxiliary chain before the cue
  int head_verb = -1;         // the verb whose subject is the source, when not the cue
  Phrase target, source;
  Phrase blamed;              // "blamed the shootings on X": the shootings
  CondemnationRule rule = CondemnationRule::kActive;
  bool source_known = false;  // source decided with the target (passive agent, "blame Y on X")
  // A source already resolved: for "X is to blame" whoever says so, for "condemned by A and
  // by B" both.
  Actor speaker_source;
  bool has_speaker_source = false;
};

bool Reader::TryCue(int i, const CueFormRef& ref) {
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

// Noun or verb? A determiner, possessive or preposition (through adjectives) before the word
// makes it a noun: "a sharp protest", "Sharetsky's charge", "of protests". True when the form
// `ref` fits its position.
bool Reader::FitsPosition(int i, const CueFormRef& ref, int lo) const {
  const bool noun_form = ref.form == CueForm::kNoun || ref.form == CueForm::kNounPlural;
  bool noun_context = false;
  bool actor_before = false;  // "U.S. criticism of", "EU complaints": an actor as modifier
  bool segment_start = false; // "Protests against X", "AL-ANWAR - Continued criticism of X"
  {
    int j = i - 1;
    // Back over adjectives and adverbs: "sparked sometimes violent protests".
    while (j >= lo && Word(j) && !Cap(j) && (Content(j) || Adverb(j)) && !IsCueForm(j) &&
           !VerbLike(j) && i - j < 4)
      --j;
    auto starts = [&](int t) {
      return t < lo || Kind(t) == TokenKind::kQuote || Dash(t) || Punct(t, ":");
    };
    segment_start = starts(j) || (j >= lo && Word(j) && Cap(j) && mention_at_[j] < 0 &&
                                  !Is(words_.stop, j) && starts(j - 1));
    if (j >= lo) {
      // "to protest" is a verb, "to protests" and "to violent protests" are nouns.
      bool to_noun = Word(j) && L(j) == "to" &&
                     (j < i - 1 || ref.form == CueForm::kNounPlural || ref.form == CueForm::kThird);
      bool prep_after_adj = j < i - 1 && Word(j) &&
                            Is(t_.noun_after_adjective, j);
      noun_context = (Word(j) && (Is(words_.det, j) || Is(t_.noun_before, j) || VerbLike(j))) ||
                     to_noun || prep_after_adj || Possessive(j) ||
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
    if (ref.form == CueForm::kGerund ? immediate : has_noun ? noun_context : immediate)
      return false;
  }

  return true;
}

// The verb group around the cue: auxiliaries, negation, passive, infinitive, modality, and a
// refusal ("refused to criticise"). False when the verb is no disapproval here.
bool Reader::ReadVerbGroup(const CueEntry& e, const CueFormRef& ref, VerbReading* out) const {
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
      (L(after) == "by" || (e.blame && L(after) == "on") || ReducedPassiveLabel(after, hi)) &&
      !Is(words_.time, after + 1)) {
    passive = true;
    out->reduced_passive = true;
  }
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
                     (L(i - 1) == "of" || L(i - 1) == "from"))) {
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
    if (hv - 1 >= lo && Word(hv - 1) && (L(hv - 1) == "and" || L(hv - 1) == "or")) {
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
  out->a = SkipForward(a, hi);
  return true;
}

// The target, by the first rule that applies: "X is to blame", "X came under fire", the
// passive's subject, or the object, "that" clause or prepositional object of an active verb.
// False when none is found.
bool Reader::FindVerbTarget(const CueEntry& e, const CueFormRef& ref, VerbReading* r) const {
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
    if (reason >= hi || !(L(reason) == "for" || L(reason) == "over")) return false;
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
      if (Word(b) && L(b) == "by") {
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
    if (target.empty() && !infinitive && e.obj) target = ObjectGapHead(a, chain, lo, hi);
    if (target.empty()) return false;
  }
  return true;
}

// "the establishment that Trump rails against", "some ideas I don't like": a transitive verb with no
// object after it (the clause ends at token a) in a relative clause whose subject follows
// "that", "which" or a noun; the relative clause's head noun is its object. Empty otherwise.
Phrase Reader::ObjectGapHead(int a, int chain, int lo, int hi) const {
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

// "condemned by the African Union and by Nigeria's president": one joint source of both agents
// ("African Union & Nigeria's president"), as for "China and Russia condemn".
void Reader::JointAgent(Phrase first, int hi, VerbReading* r) const {
  if (first.empty() || first.last + 2 >= hi || L(first.last) != "and" || L(first.last + 1) != "by")
    return;
  Phrase second = ForwardNP(first.last + 2, hi, nullptr, false);
  if (JoinActors(first, second, r->i, &r->speaker_source)) r->has_speaker_source = true;
}

// One joint actor of two phrases ("African Union & Nigeria's president"); false when either
// names no actor.
bool Reader::JoinActors(Phrase first, Phrase second, int cue, Actor* out) const {
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

// "Mr. Rubio and Mr. Cruz attacked him", "He and Bob Goodlatte both condemned X": a subject of
// two coordinated actors, each a name or a personal pronoun, at the start of its clause, is
// one joint source.
void Reader::JointSubject(Phrase second, int lo, VerbReading* r) const {
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

// "attacked Britain on Wednesday for allowing ...", "attacked her opponent as a fraud",
// "attacked him over the issue": a reason or a label after an active verb's object.
bool Reader::VerbalReason(const VerbReading& r) const {
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
bool Reader::TargetFits(const CueEntry& e, const VerbReading& r) const {
  const int hi = r.hi;
  const bool passive = r.passive;
  const Phrase& target = r.target;
  if (e.verbal && VerbalSense(target, r.lo, hi, r.person_source, VerbalReason(r)) == Verbal::kNo)
    return false;
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
    if (!(Word(b) && L(b) == "by")) continue;
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

// The source, by the first rule that applies (unless the target's rule decided it): the
// object of a control verb, a reduced relative's head, a participle's or infinitive's clause
// subject, a coordinated verb's subject, else the subject before the verb group; a modal verb
// in a reported clause gives the reporter. *given is set when the source is an actor already
// resolved. False when the verb has no source of its own (a headline verb).
bool Reader::FindVerbSource(const CueFormRef& ref, VerbReading* r, Actor* inherited,
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
    } else if (before >= lo && Word(before) && (L(before) == "and" || L(before) == "but")) {
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

PRESSLENS_OUT_OF_LINE void Reader::Run() {
  for (int i = 0; i < N(); ++i) {
    if (!Word(i)) continue;
    const CueFormRefs* refs = lex_.Find(H(i), L(i));
    if (!refs) continue;
    // Longer (multi-word) entries first, then verbs before nouns when both read.
    std::vector<CueFormRef>& order = order_;
    order.assign(refs->begin(), refs->end());
    // A stable insertion sort: a word has a few readings, and std::stable_sort allocates.
    for (size_t a = 1; a < order.size(); ++a) {
      const CueFormRef r = order[a];
      const size_t len = lex_.entry(r.entry).rest.size();
      size_t b = a;
      for (; b > 0 && lex_.entry(order[b - 1].entry).rest.size() < len; --b) order[b] = order[b - 1];
      order[b] = r;
    }
    for (const CueFormRef& r : order) {
      if (TryCue(i, r)) {
        i += static_cast<int>(lex_.entry(r.entry).rest.size());
        break;
      }
    }
  }
}

}  // namespace

CondemnationFinder::CondemnationFinder(const ChunkerLexicon& words) : tables_(new Tables(words)) {}
CondemnationFinder::~CondemnationFinder() = default;

std::shared_ptr<CondemnationScratch> CondemnationFinder::NewScratch() {
  return std::make_shared<CondemnationScratch>();
}

void CondemnationFinder::Run(Document* doc, const ChunkIndex& chunks,
                             CondemnationScratch* scratch) const {
  Reader reader(*tables_, doc, chunks, scratch);
  reader.Run();
}

}  // namespace presslens
