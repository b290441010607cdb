// Speaker attribution: who said each quote, through which cue, and which rule decided it.
//
// Every speech cue outside quotes (said, told, according to, termed, ...) becomes an event with
// its actor: the subject to its left ("Lavrov said"), or to its right after a quote ("said a
// Foreign Office spokesman"), or the clause subject for a participle ("..., saying"). A pronoun
// stands for the actor the coreference pass found (coreference.h). Each quote then takes the event
// right after it ("Q," X said), or the one before it in its sentence (X said: "Q", X said
// that ... "Q"), or continues the previous quote or the previous sentence's speaker, or repeats
// a body quote (headlines). Windows are bounded, so the pass is linear in the text.
#ifndef PRESSLENS_SPEAKERS_H_
#define PRESSLENS_SPEAKERS_H_

#include <memory>

#include "document.h"

namespace presslens {

class SpeechLexicon;
struct ChunkerLexicon;  // chunker.h
struct ChunkIndex;      // chunker.h
struct SpeakerScratch;  // the pass's reusable buffers (speakers/pass.h)
struct SpeakerLists;    // the word lists the rules read (speakers/pass.h)

class SpeakerFinder {
 public:
  // `words` and `speech` (shared with the other stages) must outlive the finder.
  SpeakerFinder(const ChunkerLexicon& words, const SpeechLexicon& speech);
  ~SpeakerFinder();
  // Reads quote_spans, mentions and entities; fills doc->quotes (kind, speaker, cue, rule), one
  // record per outermost quote span, and doc->speech_events.
  // `chunks` is the document's index (ChunkIndex::Build, after mentions and quote spans).
  void Run(Document* doc, const ChunkIndex& chunks, SpeakerScratch* scratch) const;
  static std::shared_ptr<SpeakerScratch> NewScratch();

 private:
  const SpeechLexicon& lexicon_;
  std::unique_ptr<const SpeakerLists> lists_;
  const ChunkerLexicon& words_;
};

}  // namespace presslens

#endif  // PRESSLENS_SPEAKERS_H_
