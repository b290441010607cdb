#include "speakers.h"

namespace presslens {

SpeakerFinder::SpeakerFinder() = default;

void SpeakerFinder::Run(Document* doc) const {
  // First pass: `"Q," NAME said` with a known mention right after the closing mark.
  size_t qi = 0;
  for (const QuoteSpan& q : doc->quote_spans) {
    if (q.nested) continue;
    Quote& out = doc->result.quotes[qi++];
    if (q.close_token < 0) continue;
    int t = q.close_token + 1;
    for (const Mention& m : doc->mentions) {
      if (m.first != t || m.type != "PERSON") continue;
      if (m.last < static_cast<int>(doc->tokens.size())) {
        std::string_view verb = doc->TokenText(m.last);
        if (verb == "said" || verb == "says") {
          out.has_speaker = true;
          out.speaker.entity = m.entity;
          out.speaker.name = doc->result.entities[m.entity].name;
          out.speaker.span = {m.start, m.end};
          out.has_cue = true;
          out.cue.lemma = "say";
          out.cue.span = {doc->tokens[m.last].start, doc->tokens[m.last].end};
          out.rule = "QUOTE_NAME_SAID";
        }
      }
    }
  }
}

}  // namespace presslens
