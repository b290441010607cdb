// The finding written to the document: spans, source, target entity, negation, quote and rule,
// and the CAMEO subcode of an accusation. Writes doc->condemnations.

#include <algorithm>
#include <string>
#include <vector>

#include "condemnations/pass.h"

namespace presslens {
namespace condemnations {

// Writes the finding for the cue at tokens [i, cue_last] to the document, and remembers it
// for a coordinated verb after it ("oppose A, oppose B").
void CondemnationPass::Emit(int i, int cue_last, const CueEntry& e, const std::string& cameo,
                  Phrase target, bool has_source, Phrase source, const Actor* given,
                  bool negated, CondemnationRule rule) {
  // "insulted by the term 'African American outreach'": a quoted name (a few words, no verb
  // or pronoun) right after the noun belongs to the target, up to its closing mark (with a
  // comma or period inside the marks), so that the target's marks pair up. ("a microphone 'is
  // not having a good night'" is a predicate.)
  if (target.last < SentLast(i) && Kind(target.last) == TokenKind::kQuote &&
      open_mark_[target.last] == 1 && Word(target.last - 1) && !Cap(target.last - 1)) {
    for (int k = target.last + 1; k < SentLast(i) && k < target.last + 8; ++k) {
      if (Kind(k) == TokenKind::kQuote && open_mark_[k] == 2) {
        int end = k;
        while (end - 1 > target.last && Kind(end - 1) == TokenKind::kPunct) --end;
        if (end - 1 > target.last) target.last = k + 1;
        break;
      }
      if (Word(k) && (Is(words_.aux, k) || Is(words_.pronoun, k) || Is(words_.stop, k))) break;
    }
  }
  CondemnationRecord record;
  Condemnation& c = record.finding;
  c.cue.lemma = e.lemma;
  c.cue.cameo = cameo;
  c.cue.span = {doc_.tokens[i].start, doc_.tokens[cue_last].end};
  c.target.span = {doc_.tokens[target.first].start, doc_.tokens[target.last - 1].end};
  c.target.entity = SingleEntity(target);
  c.negated = negated;
  c.quote = quote_at_[i];
  record.rule.rule = rule;
  record.deny = e.deny;
  if (given) {
    c.has_source = true;
    c.source = *given;
  } else if (has_source) {
    c.has_source = ResolveActor(source, i, &c.source);
  }
  // A first-person source inside a quote: the quote's speaker ("We condemn ...").
  if (c.has_source && c.quote >= 0 && !source.empty() && source.last - source.first == 1 &&
      Is(words_.first_person, source.first))
    record.rule.quote_speaker = true;
  uint32_t start = std::min(c.cue.span.start, c.target.span.start);
  uint32_t end = std::max(c.cue.span.end, c.target.span.end);
  if (c.has_source && doc_.tokens[i].sentence ==
                          doc_.tokens[std::max(0, source.empty() ? i : source.first)].sentence &&
      !source.empty())
    start = std::min(start, c.source.span.start);
  c.span = {start, end};
  last_sentence_ = doc_.tokens[i].sentence;
  last_target_end_ = target.last;
  last_has_source_ = c.has_source;
  last_source_ = c.source;
  out_.condemnations.push_back(std::move(record));
}

// The CAMEO subcode of an accusation ("accused X of war crimes"): a topic phrase or word after
// the "of" at of_token, within its clause; empty when none.
std::string CondemnationPass::AccuseSubcode(int of_token, int end) const {
  // Only the accusation itself: up to the end of its clause ("of stupidity, Arafat launched
  // his strongest attack" is about stupidity).
  int stop = of_token + 1;
  while (stop < end && stop < of_token + 12 && !Punct(stop, ",") && !Punct(stop, ";") &&
         !Punct(stop, ".") &&
         !(Word(stop) && Is(t_.clause_coordinator, stop) && stop + 1 < end &&
           Word(stop + 1) && Is(words_.speech, stop + 1)))
    ++stop;
  end = stop;
  // More specific codes first (war crimes before crimes).
  for (int pass = 0; pass < 2; ++pass) {
    for (auto it = lex_.topics().rbegin(); it != lex_.topics().rend(); ++it) {
      for (int k = of_token + 1; k < end; ++k) {
        if (pass == 0) {
          for (const auto& ph : it->phrases) {
            bool ok = k + (int)ph.size() <= end;
            for (size_t w = 0; w < ph.size() && ok; ++w) ok = L(k + (int)w) == ph[w];
            if (ok) return std::string(it->code);
          }
        } else if (it->words.Has(H(k), L(k))) {
          return std::string(it->code);
        }
      }
    }
  }
  return "";
}

}  // namespace condemnations
}  // namespace presslens
