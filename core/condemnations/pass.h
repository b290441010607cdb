// The condemnation pass's tables and its class `CondemnationPass`, whose steps are the files of
// this folder; core/condemnations.cc runs them (CondemnationPass::Run: each cue word's readings,
// longest first, through TryCue). Each file states what it reads and writes:
//   cues.cc        a cue occurrence read as a noun or a verb by its position; the verb reading's
//                  steps in order (TryCue)
//   verb_group.cc  the verb group around a verb cue: negation, passive, infinitive, refusal
//   mood.cc        clauses that report no act: requests, conditions, denials, predictions,
//                  possibility, negated beliefs
//   targets.cc     the target of a verb cue: object, "that" clause, prepositional object, a
//                  passive's subject, a relative clause's head
//   sense.cc       sense filters: a verbal or physical attack, objects a cue cannot disapprove of
//   sources.cc     the source of a verb cue: subject, control object, clause subject of a
//                  participle, coordinated subjects and agents
//   nominal.cc     noun cues: "Y's condemnation of X", "X drew criticism from Y"
//   phrases.cc     clause shapes the readings ask about (relative clauses, gerund subjects, ...)
//   actors.cc      a phrase read as an actor: pronoun, collective, mentions, name, description
//   records.cc     the finding written to the document, with its CAMEO subcode
#ifndef PRESSLENS_CONDEMNATIONS_PASS_H_
#define PRESSLENS_CONDEMNATIONS_PASS_H_

#include <string>
#include <vector>

#include "chunker.h"
#include "condemnation_lexicon.h"
#include "condemnations.h"
#include "document.h"
#include "tokens.h"

namespace presslens {
namespace condemnations {

using WordSet = WordHashSet;

constexpr int kLookBack = 400;  // tokens scanned back for a pair ("Both sides")

}  // namespace condemnations

// The word lists of the condemnation pass beyond the chunker's.
struct CondemnationFinder::Tables {
  const ChunkerLexicon& words;
  // data/condemnation-words.txt
  const WordHashSet *verbal_object, *claim, *formal_request, *caution, *actor_noun, *event,
      *document, *non_assertive, *emphasis, *physical_attack, *verbal_means, *person_object,
      *negative_subject, *floating_quantifier, *irrealis_noun, *intent_noun, *aimed_preposition,
      *evaluated_noun, *harsh_modifier, *framing, *relative_pronoun, *vote, *symptom,
      *factive_adjective, *putative_modal, *indefinite_pronoun;
  // data/en/function-words.txt
  const WordHashSet *stative_aux, *inversion_aux, *conditional, *epistemic_modal, *future_modal,
      *head_end, *possessive_pronoun, *noun_after_adjective, *noun_before, *object_pronoun,
      *person_pronoun, *gerund_preposition, *deliberation_word, *sequence_adverb,
      *predicative_as, *title_small_word, *clause_coordinator, *condition_conjunction,
      *actor_and, *source_preposition, *reason_preposition, *refusal_preposition,
      *noun_coordinator, *agent_preposition, *demonstrative_pronoun, *subordinator,
      *anticipatory_it, *provoked_preposition, *free_relative;
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
    clause_coordinator = &lex.List("clause-coordinator");
    condition_conjunction = &lex.List("condition-conjunction");
    actor_and = &lex.List("actor-and");
    source_preposition = &lex.List("source-preposition");
    reason_preposition = &lex.List("reason-preposition");
    refusal_preposition = &lex.List("refusal-preposition");
    noun_coordinator = &lex.List("noun-coordinator");
    agent_preposition = &lex.List("agent-preposition");
    demonstrative_pronoun = &lex.List("demonstrative-pronoun");
    subordinator = &lex.List("subordinator");
    anticipatory_it = &lex.List("anticipatory-it");
    provoked_preposition = &lex.List("provoked-preposition");
    free_relative = &lex.List("free-relative");
  }
};

// The pass's buffers, kept by the caller from one Run to the next (condemnations.h), emptied
// by the pass before use.
struct CondemnationScratch {
  std::vector<int> quote_at;
  std::vector<CueFormRef> order;  // Run(): a word's cue readings, longest first
};

namespace condemnations {

// One verb reading of a cue occurrence, as TryCue's steps fill it in.
struct VerbReading {
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

// Everything one Run needs about the document, computed once; phrases are read by the Chunker.
// Its steps are the files of this folder (see the top of this header).
class CondemnationPass : public Chunker {
 public:
  CondemnationPass(const CondemnationFinder::Tables& t, Document* doc, const ChunkIndex& chunks,
                   CondemnationScratch* scratch);

  ~CondemnationPass() { SwapScratch(); }
  CondemnationPass(const CondemnationPass&) = delete;
  CondemnationPass& operator=(const CondemnationPass&) = delete;

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
  // The sentence of token i is a headline: a line of its own without a final stop, or in
  // title case.
  bool HeadlineAt(int i) const {
    return doc_.sentences[doc_.tokens[i].sentence].headline || TitleCaseLine(i);
  }
  bool EntityNameWord(int t) const;
  bool HarshModified(int i, int lo) const {
    return i - 1 >= lo && Word(i - 1) && Is(t_.harsh_modifier, i - 1);
  }
  bool ActorPhrase(Phrase p) const;
  bool PersonPhrase(Phrase p) const;
  bool PhysicalAttack(Phrase object, int lo, int hi) const;
  bool CueBeforeGerund(int i, int lo) const;
  int OwnerBeforeAdjectives(int i, int lo) const;
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

}  // namespace condemnations
}  // namespace presslens

#endif  // PRESSLENS_CONDEMNATIONS_PASS_H_
