#include <memory>
#include <string>

#include "attribution.h"
#include "chunker.h"
#include "condemnations.h"
#include "document.h"
#include "entities.h"
#include "presslens/presslens.h"
#include "quotes.h"
#include "result.h"
#include "speakers.h"
#include "tokens.h"

namespace presslens {

struct Analyzer::Impl {
  std::vector<std::string> errors;
  Tokenizer tokenizer;
  QuoteFinder quotes;
  EntityFinder entities;
  ChunkerLexicon chunk_words;  // read by the speaker and condemnation stages
  SpeakerFinder speakers;
  CondemnationFinder condemnations;
  AttributionFinder attributions;

  explicit Impl(const Options& o)
      : entities(o.lexicon, &errors),
        speakers(chunk_words),
        condemnations(chunk_words),
        attributions(speakers.lexicon()) {}
};

Analyzer::Analyzer(const Options& options) : impl_(new Impl(options)) {}
Analyzer::~Analyzer() = default;

const std::vector<std::string>& Analyzer::errors() const { return impl_->errors; }

namespace {

// What one analysing thread reuses from call to call: the Document and the stages' buffers keep
// their storage, so a call allocates little beyond its Result. Analyze is const and may run on
// several threads at once, hence one workspace per thread; after a long text it is replaced, so
// that a megabyte text's storage is not kept.
struct Workspace {
  Document doc;
  ChunkIndex chunks;
  std::shared_ptr<EntityFinder::Scratch> entities = EntityFinder::NewScratch();
  std::shared_ptr<SpeakerScratch> speakers = SpeakerFinder::NewScratch();
  std::shared_ptr<CondemnationScratch> condemnations = CondemnationFinder::NewScratch();
  std::shared_ptr<AttributionScratch> attributions = AttributionFinder::NewScratch();
};

}  // namespace

Result Analyzer::Analyze(std::string_view text) const {
  thread_local Workspace ws;
  Document& doc = ws.doc;
  doc.Reset(text);
  impl_->tokenizer.Run(&doc);
  impl_->quotes.Run(&doc);
  impl_->entities.Run(&doc, ws.entities.get());
  ws.chunks.Build(&doc);
  impl_->speakers.Run(&doc, ws.chunks, ws.speakers.get());
  impl_->condemnations.Run(&doc, ws.chunks, ws.condemnations.get());
  impl_->attributions.Run(&doc, ws.attributions.get());
  Result result = BuildResult(&doc);
  doc.Reset({});
  if (text.size() > (1u << 20)) ws = Workspace();
  return result;
}

}  // namespace presslens
