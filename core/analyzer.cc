#include <string>

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
  SpeakerFinder speakers;
  CondemnationFinder condemnations;

  explicit Impl(const Options& o) : entities(o.lexicon, &errors) {}
};

Analyzer::Analyzer(const Options& options) : impl_(new Impl(options)) {}
Analyzer::~Analyzer() = default;

const std::vector<std::string>& Analyzer::errors() const { return impl_->errors; }

Result Analyzer::Analyze(std::string_view text) const {
  // One Document per thread, reset and reused: its arrays and lower-case text keep their
  // storage from one call to the next.
  thread_local Document doc;
  doc.Reset(text);
  impl_->tokenizer.Run(&doc);
  impl_->quotes.Run(&doc);
  impl_->entities.Run(&doc);
  impl_->speakers.Run(&doc);
  impl_->condemnations.Run(&doc);
  Result result = BuildResult(&doc);
  doc.Reset({});
  if (text.size() > (1u << 20)) doc = Document();  // a long text's storage is not kept
  return result;
}

}  // namespace presslens
