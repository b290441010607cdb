// ToCompact. The words, in order (S = a string's index, or kNone; offsets are UTF-16):
//   kMagic, which wasm/index.mjs checks so that a stale dist/ fails clearly
//   entities: count, then each: S type, S name, S title, S country, S refersTo, S wikidata,
//             mention count, then start, end of each mention
//   quotes: count, then each: start, end, S kind, S rule, speaker, cue
//   condemnations: count, then each: start, end, cue, S plover event, S plover mode, source,
//             target start, target end, target entity, S target wikidata, S target country,
//             negated (0/1), quote index, S rule
//   denials: count, then each as a condemnation
// where speaker/source = 0 (none) or 1, entity index, S name, start, end, S wikidata,
// S country, count of joint actors, then each of them as a speaker;
// and a quote's cue = 0 (none) or 1, S lemma, start, end, S cameo (a condemnation's cue has
// no leading 0/1: it always has one). The optional strings (title, country, refersTo, wikidata,
// cameo, plover event and mode, an actor's or target's wikidata and country) are kNone when
// empty.
#include "compact.h"

#include "offsets.h"

namespace presslens {
namespace {

// Appends `s` with each byte of invalid UTF-8 as U+FFFD (as ToJson writes it) and returns
// its length in UTF-16 units.
uint32_t AppendValidUtf8(std::string_view s, std::string* out) {
  uint32_t units = 0;
  size_t run = 0;  // start of the valid bytes not yet appended: appended in one go
  for (size_t i = 0; i < s.size(); ++units) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const int len = Utf8SequenceLength(s, i);
    if (len > 0) {
      i += len;
      if (len == 4) ++units;  // a surrogate pair
      continue;
    }
    out->append(s, run, i - run);
    *out += "\xEF\xBF\xBD";
    run = ++i;
  }
  out->append(s, run, std::string_view::npos);
  return units;
}

class Encoder {
 public:
  Encoder(std::string_view text, CompactResult* out)
      : text_(text), out_(*out), ascii_(IsAscii(text)) {
    out_.words.clear();
    out_.lengths.clear();
    out_.strings.clear();
  }

  void Word(uint32_t w) { out_.words.push_back(w); }
  void Index(int i) { Word(i < 0 ? CompactResult::kNone : static_cast<uint32_t>(i)); }
  // A byte offset, converted to UTF-16 in Finish() unless the text is ASCII.
  void Offset(uint32_t byte) {
    if (!ascii_) slots_.push_back(static_cast<uint32_t>(out_.words.size()));
    Word(byte);
  }
  void SpanWords(Span s) {
    Offset(s.start);
    Offset(s.end);
  }
  // Each string is written where it is used, repeats too: a table to share them costs more
  // than the repeats do.
  void String(std::string_view s) {
    Word(static_cast<uint32_t>(out_.lengths.size()));
    out_.lengths.push_back(AppendValidUtf8(s, &out_.strings));
  }
  // The optional string fields (title, country, refersTo, wikidata, cameo, plover) are absent
  // when empty.
  void Optional(std::string_view s) {
    if (s.empty()) return Word(CompactResult::kNone);
    String(s);
  }
  void ActorWords(bool has, const Actor& a) {
    Word(has);
    if (!has) return;
    Index(a.entity);
    String(a.name);
    SpanWords(a.span);
    Optional(a.wikidata);
    Optional(a.country);
    Word(static_cast<uint32_t>(a.actors.size()));
    for (const Actor& part : a.actors) ActorWords(true, part);
  }
  void CueWords(const Cue& c) {
    String(c.lemma);
    SpanWords(c.span);
    Optional(c.cameo);
  }

  void Finish() {
    if (slots_.empty()) return;
    std::vector<uint32_t> offsets(slots_.size());
    for (size_t i = 0; i < slots_.size(); ++i) offsets[i] = out_.words[slots_[i]];
    Utf8ToUtf16Offsets(text_, &offsets);
    for (size_t i = 0; i < slots_.size(); ++i) out_.words[slots_[i]] = offsets[i];
  }

 private:
  std::string_view text_;
  CompactResult& out_;
  bool ascii_;
  std::vector<uint32_t> slots_;  // the words that are byte offsets
};

}  // namespace

void ToCompact(const Result& r, std::string_view text, CompactResult* out) {
  Encoder e(text, out);
  e.Word(CompactResult::kMagic);
  e.Word(static_cast<uint32_t>(r.entities.size()));
  for (const Entity& en : r.entities) {
    e.String(en.type);
    e.String(en.name);
    e.Optional(en.title);
    e.Optional(en.country);
    e.Optional(en.refers_to);
    e.Optional(en.wikidata);
    e.Word(static_cast<uint32_t>(en.mentions.size()));
    for (const Span& m : en.mentions) e.SpanWords(m);
  }
  e.Word(static_cast<uint32_t>(r.quotes.size()));
  for (const Quote& q : r.quotes) {
    e.SpanWords(q.span);
    e.String(q.kind);
    e.String(q.rule);
    e.ActorWords(q.has_speaker, q.speaker);
    e.Word(q.has_cue);
    if (q.has_cue) e.CueWords(q.cue);
  }
  for (const auto* list : {&r.condemnations, &r.denials}) {
    e.Word(static_cast<uint32_t>(list->size()));
    for (const Condemnation& c : *list) {
      e.SpanWords(c.span);
      e.CueWords(c.cue);
      e.Optional(c.plover.event);
      e.Optional(c.plover.mode);
      e.ActorWords(c.has_source, c.source);
      e.SpanWords(c.target.span);
      e.Index(c.target.entity);
      e.Optional(c.target.wikidata);
      e.Optional(c.target.country);
      e.Word(c.negated);
      e.Index(c.quote);
      e.String(c.rule);
    }
  }
  e.Finish();
}

}  // namespace presslens
