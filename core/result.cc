#include "result.h"

#include <utility>

#include "plover.h"

namespace presslens {

Result BuildResult(Document* doc) {
  Result result;
  result.entities = std::move(doc->entities);
  result.quotes.reserve(doc->quotes.size());
  for (QuoteRecord& r : doc->quotes) {
    Quote& q = result.quotes.emplace_back();
    if (r.span >= 0) {
      const QuoteSpan& span = doc->quote_spans[r.span];
      q.span = {span.start, span.end};
    } else {
      q.span = {r.start, r.end};
    }
    q.kind = std::string(QuoteKindName(r.kind));
    q.has_speaker = r.has_speaker;
    q.speaker = std::move(r.speaker);
    q.has_cue = r.has_cue;
    q.cue = std::move(r.cue);
    q.rule = QuoteRuleName(r.rule);
  }
  result.condemnations.reserve(doc->condemnations.size());
  for (CondemnationRecord& r : doc->condemnations) {
    result.condemnations.push_back(std::move(r.finding));
    Condemnation& c = result.condemnations.back();
    c.rule = CondemnationRuleName(r.rule);
    c.plover = PloverReading(c.cue.cameo);
  }
  return result;
}

}  // namespace presslens
