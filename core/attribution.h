// Reported speech: "Trump claimed that the polls were rigged", "..., sources said", "according
// to the Post, ...". The learned tagger (attribution_model.h) marks source, cue and content in
// every sentence that holds a cue word; each content span then becomes a quote of kind
// indirect (no quote marks in it) or mixed (it holds a quoted fragment), linked to the nearest
// cue in its sentence and to that cue's source.
//
// Reads tokens, quote_spans, mentions, entities, quotes, speech_events, condemnations and the
// chunk index (for subject phrases and the antecedents of relative pronouns);
// appends to doc->quotes one record per reported content span, in text order, after the direct
// quotes.
//   - A content span whose words all lie inside one quote's marks is that direct quote: it
//     adds nothing (the direct quote keeps its own rule and speaker). One whose cue is a
//     condemnation's cue is that condemnation: it adds nothing either.
//   - The speaker is the speech event's (SpeakerFinder: names linked to their entity, pronouns
//     resolved) when the content's cue is a speech event's cue; otherwise the tagged source,
//     linked to the entity of the last person named in it or of the mention it ends with, a
//     pronoun to the latest person named before it; with no source tagged, the speaking
//     entity or pronoun right before the cue (or before an apposition between commas), else
//     the subject phrase the chunker reads before the cue's verb group when its last word is a
//     noun by evidence (a mention, a capitalised word, a role, person or plural noun of the
//     speaker words, a regular plural; no time word) or it names a person.
//   - The content is the reported clause without a leading "that" (not "that’s") and without
//     clause punctuation at its edges (symbols such as "#", "$", "%" stay with their words).
#ifndef PRESSLENS_ATTRIBUTION_H_
#define PRESSLENS_ATTRIBUTION_H_

#include <memory>

#include "document.h"

namespace presslens {

class AttributionModel;
class SpeechLexicon;
struct ChunkerLexicon;
struct ChunkIndex;
struct AttributionScratch;  // the pass's reusable buffers (attribution.cc)

class AttributionFinder {
 public:
  // `lexicon` (the speech cues, for cue lemmas) and `words` (the chunker's word lists) must
  // outlive the finder.
  AttributionFinder(const SpeechLexicon& lexicon, const ChunkerLexicon& words);
  ~AttributionFinder();
  // `chunks` is the document's chunk index (ChunkIndex::Build).
  void Run(Document* doc, const ChunkIndex& chunks, AttributionScratch* scratch) const;
  static std::shared_ptr<AttributionScratch> NewScratch();

 private:
  std::unique_ptr<AttributionModel> model_;
  const SpeechLexicon& lexicon_;
  const ChunkerLexicon& words_;
};

}  // namespace presslens

#endif  // PRESSLENS_ATTRIBUTION_H_
