#include <memory>
#include <string>

#include "attribution.h"
#include "chunker.h"
#include "condemnations.h"
#include "coreference.h"
#include "document.h"
#include "entities.h"
#include "presslens/presslens.h"
#include "quotes.h"
#include "result.h"
#include "speakers.h"
#include "speech_cues.h"
#include "tokens.h"

namespace presslens {

struct Analyzer::Impl {
  std::vector<std::string> errors;
  Tokenizer tokenizer;
  QuoteFinder quotes;
  EntityFinder entities;
  ChunkerLexicon chunk_words;  // read by the coreference, speaker and condemnation stages
  SpeechLexicon speech_words;  // read by the coreference, speaker and attribution stages
  CoreferenceFinder coreference;
  SpeakerFinder speakers;
  CondemnationFinder condemnations;
  AttributionFinder attributions;

  explicit Impl(const Options& o)
      : entities(o.lexicon, &errors),
        coreference(chunk_words, speech_words),
        speakers(chunk_words, speech_words),
        condemnations(chunk_words),
        attributions(speech_words, chunk_words) {}
};

Analyzer::Analyzer(const Options& options) : impl_(new Impl(options)) {}
Analyzer::~Analyzer() = default;

const std::vector<std::string>& Analyzer::errors() const { return impl_->errors; }

namespace {

// What one analysing thread reuses from call to call: the Document and the stages' buffers keep
// their storage, so a call allocates little beyond its Result. Analyze is const and may run on
// several threads at once, hence one workspace per thread. A long text (kLongText) frees each
// stage's buffers as soon as the stage is done, and the workspace is replaced after it, so that
// its storage is not kept.
struct Workspace {
  Document doc;
  ChunkIndex chunks;
  std::shared_ptr<EntityFinder::Scratch> entities = EntityFinder::NewScratch();
  std::shared_ptr<CoreferenceScratch> coreference = CoreferenceFinder::NewScratch();
  std::shared_ptr<SpeakerScratch> speakers = SpeakerFinder::NewScratch();
  std::shared_ptr<CondemnationScratch> condemnations = CondemnationFinder::NewScratch();
  std::shared_ptr<AttributionScratch> attributions = AttributionFinder::NewScratch();
};

// Frees the document's per-token and per-sentence buffers, keeping the rest.
void ReleaseTokenLevel(Document* doc) {
  doc->tokens = std::vector<Token>();
  doc->sentences = std::vector<Sentence>();
  doc->mentions = std::vector<Mention>();
  doc->references = std::vector<Reference>();
  doc->speech_events = std::vector<SpeechEvent>();
  doc->lower_text = std::string();
  doc->folded_hash = std::vector<uint64_t>();
}

}  // namespace

Result Analyzer::Analyze(std::string_view text) const {
  thread_local Workspace ws;
  Document& doc = ws.doc;
  doc.Reset(text);
  impl_->tokenizer.Run(&doc);
  impl_->quotes.Run(&doc);
  const bool long_text = text.size() > kLongText;
  impl_->entities.Run(&doc, ws.entities.get());
  if (long_text) ws.entities = EntityFinder::NewScratch();
  ws.chunks.Build(&doc);
  impl_->coreference.Run(&doc, ws.chunks, ws.coreference.get());
  if (long_text) ws.coreference = CoreferenceFinder::NewScratch();
  impl_->speakers.Run(&doc, ws.chunks, ws.speakers.get());
  if (long_text) ws.speakers = SpeakerFinder::NewScratch();
  impl_->condemnations.Run(&doc, ws.chunks, ws.condemnations.get());
  if (long_text) ws.condemnations = CondemnationFinder::NewScratch();
  impl_->attributions.Run(&doc, ws.chunks, ws.attributions.get());
  if (long_text) {
    ws.chunks = ChunkIndex();
    // BuildResult reads only the entities, quote spans, quotes and condemnations.
    ws.attributions = AttributionFinder::NewScratch();
    ReleaseTokenLevel(&doc);
  }
  Result result = BuildResult(&doc);
  doc.Reset({});
  if (long_text) ws = Workspace();
  return result;
}

}  // namespace presslens
