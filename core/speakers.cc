// The speaker pass (speakers.h): SpeakerPass::Run is its steps in order; the steps live in
// core/speakers/ (pass.h lists the files).
#include "speakers.h"

#include "chunker.h"
#include "speakers/pass.h"
#include "tokens.h"

namespace presslens {
namespace speakers {

void SpeakerPass::Run() {
  Index();                      // index.cc, names.cc
  BuildEvents();                // events.cc (actors.cc, references.cc)
  OpeningParticipleSubjects();  // events.cc
  Attribute();                  // rules.cc (quote_kind.cc, propagation.cc)
  TranscriptTurns();            // rules.cc
  if (doc_.text.size() > kLongText) ReleaseIndexes();  // index.cc
  ExportEvents();               // events.cc
  if (doc_.text.size() > kLongText) std::vector<uint32_t>().swap(class_);  // index.cc says why
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
  speakers::SpeakerPass pass(doc, lexicon_, *lists_, chunks, chunker, scratch);
  pass.Run();
}

}  // namespace presslens
