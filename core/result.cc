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
    auto& list = r.deny ? result.denials : result.condemnations;
    list.push_back(std::move(r.finding));
    Condemnation& c = list.back();
    c.rule = CondemnationRuleName(r.rule);
    c.plover = PloverReading(c.cue.cameo);
  }
  // Actors and targets carry their entity's Wikidata id and country.
  const auto identify = [&](int entity, std::string* wikidata, std::string* country) {
    if (entity < 0 || entity >= static_cast<int>(result.entities.size())) return;
    *wikidata = result.entities[entity].wikidata;
    *country = result.entities[entity].country;
  };
  const auto identify_actor = [&](Actor* a) {
    identify(a->entity, &a->wikidata, &a->country);
    for (Actor& part : a->actors) identify(part.entity, &part.wikidata, &part.country);
  };
  for (Quote& q : result.quotes)
    if (q.has_speaker) identify_actor(&q.speaker);
  for (auto* list : {&result.condemnations, &result.denials}) {
    for (Condemnation& c : *list) {
      if (c.has_source) identify_actor(&c.source);
      identify(c.target.entity, &c.target.wikidata, &c.target.country);
    }
  }
  return result;
}

}  // namespace presslens
