// Coreference: what each pronoun and each definite description refers to, decided once per
// document for every later stage (the speaker and condemnation stages read doc->references).
//
// Reads tokens, sentences, quote spans, mentions and entities (through the chunk index) in text
// order and keeps the actors met so far: entity mentions (people, organisations, states,
// nationalities), "A and B", the names of speakers the entity pass missed, and role
// descriptions ("a police spokesman", "officials"), which count once they speak. Each actor
// carries its gender (Mr/Mrs before it, the given name of one gender its entity's fullest name
// starts with, a masculine or feminine role noun, or a he/she that referred to it), its number,
// whether it is a subject (not after a preposition, not a possessive), the first subject of its
// sentence, and whether it speaks (the subject of a speech cue, read through the chunker, or a
// name after an inverted cue: "..., said Lavrov"). Then:
//   he, she (his, her)   see ResolvePerson in coreference.cc: the person subject earlier in the
//                        sentence, a recent speaker, the last sentence's main subject, the
//                        nearest person of that gender, older speakers, the nearest person
//   it (its)             the nearest organisation or state met as a subject, else the nearest
//   they (their), another, others
//                        the subject of the speech cue the pronoun follows ("The Socialists
//                        said they"); else the newest group (a nationality, a plural
//                        description, "A and B") speaking or in subject position; else the
//                        nearest organisation or state subject; else the nearest actor
//   the <role>           "the minister" after "Foreign Minister Wang Yi", "the ministry" after
//                        "the Foreign Ministry": the newest actor whose name or title has that
//                        word
// A pronoun or description then stands for its antecedent: later pronouns may resolve to it,
// and a he or she resolved by the first rules fixes the antecedent's gender. First-person
// pronouns are not resolved here (inside a quote they are its speaker, known only after
// attribution). Scans are bounded (kLookBack tokens, a few speakers), so the pass is linear.
#ifndef PRESSLENS_COREFERENCE_H_
#define PRESSLENS_COREFERENCE_H_

#include <cstdint>
#include <memory>

#include "document.h"

namespace presslens {

struct ChunkerLexicon;      // chunker.h
struct ChunkIndex;          // chunker.h
class SpeechLexicon;        // speech_cues.h
struct CoreferenceScratch;  // the pass's reusable buffers (coreference.cc)

class CoreferenceFinder {
 public:
  // `words` and `speech` must outlive the finder.
  CoreferenceFinder(const ChunkerLexicon& words, const SpeechLexicon& speech);
  ~CoreferenceFinder();
  // Fills doc->references (by first token), one per pronoun or definite description that
  // refers to an actor; an expression with no antecedent gets a reference with
  // antecedent_first -1. `chunks` is the document's index (ChunkIndex::Build).
  void Run(Document* doc, const ChunkIndex& chunks, CoreferenceScratch* scratch) const;
  static std::shared_ptr<CoreferenceScratch> NewScratch();
  // The gender a given name marks: 1 male, 2 female, 0 neither or both (data/given-names.txt).
  int GivenNameGender(std::string_view name) const;

  struct Tables;

 private:
  std::unique_ptr<const Tables> tables_;
};

}  // namespace presslens

#endif  // PRESSLENS_COREFERENCE_H_
