// The speaker pass (speakers.h): Work::Run is its steps in order; the steps live in
// core/speakers/ (pass.h lists the files).
#include "speakers.h"

#include "chunker.h"
#include "speakers/pass.h"
#include "tokens.h"

namespace presslens {
namespace speakers {

void Work::Run() {
  Index();
  BuildEvents();
  // A participle that opens its sentence ("Noting that ..., Jordan said") takes the subject of
  // the clause that follows it.
  for (size_t k = 0; k + 1 < events_.size(); ++k) {
    Event& ev = events_[k];
    if (ev.who.ok || !ev.cue->participle || ev.verb != SentenceFirst(ev.verb)) continue;
    const Event& next = events_[k + 1];
    if (next.who.ok && !next.inverted && SentenceOf(next.verb) == SentenceOf(ev.verb))
      ev.who = next.who;
  }
  Attribute();
  TranscriptTurns();
  if (doc_.text.size() > kLongText) {
    // A long text frees the per-token classes and the name indexes before the document's
    // events are made: ExportEvents reads only the events and the tokens.
    std::vector<uint32_t>().swap(class_);
    std::vector<uint8_t>().swap(trim_info_);
    full_by_last_ = StringIndex();
    full_by_first_ = StringIndex();
    entity_by_name_ = StringIndex();
  }
  ExportEvents();
}

}  // namespace speakers

SpeakerFinder::SpeakerFinder(const ChunkerLexicon& words, const SpeechLexicon& speech)
    : lexicon_(speech), lists_(new SpeakerLists(words.lex)), words_(words) {}
SpeakerFinder::~SpeakerFinder() = default;

std::shared_ptr<SpeakerScratch> SpeakerFinder::NewScratch() {
  return std::make_shared<SpeakerScratch>();
}

void SpeakerFinder::Run(Document* doc, const ChunkIndex& chunks, SpeakerScratch* scratch) const {
  FillLowerCase(doc);  // when the document did not come from Tokenizer::Run
  const Chunker chunker(words_, *doc, chunks);
  speakers::Work work(doc, lexicon_, *lists_, chunks, chunker, scratch);
  work.Run();
}

}  // namespace presslens
