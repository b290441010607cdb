// Condemnations: who disapproved of whom or what, with the cue, the target and negation.
#ifndef PRESSLENS_CONDEMNATIONS_H_
#define PRESSLENS_CONDEMNATIONS_H_

#include <memory>

#include "document.h"

namespace presslens {

struct ChunkerLexicon;       // chunker.h
struct ChunkIndex;           // chunker.h
struct CondemnationScratch;  // the pass's reusable buffers (condemnations/pass.h)

class CondemnationFinder {
 public:
  // `words` (shared with the other stages that chunk) must outlive the finder.
  explicit CondemnationFinder(const ChunkerLexicon& words);
  ~CondemnationFinder();
  // Reads tokens, mentions, entities and quotes; fills doc->condemnations.
  // `chunks` is the document's index (ChunkIndex::Build, after mentions and quote spans).
  void Run(Document* doc, const ChunkIndex& chunks, CondemnationScratch* scratch) const;
  static std::shared_ptr<CondemnationScratch> NewScratch();

  struct Tables;  // the cue lexicon and word lists (condemnations/pass.h)

 private:
  std::unique_ptr<Tables> tables_;
};

}  // namespace presslens

#endif  // PRESSLENS_CONDEMNATIONS_H_
