// ToJson: the result as schema presslens/1, with UTF-16 offsets.
#include <cstdio>
#include <string>
#include <vector>

#include "offsets.h"
#include "presslens/presslens.h"

namespace presslens {
namespace {

// A JSON string of `s`. Invalid UTF-8 becomes U+FFFD, one per bad byte (as the offsets count
// it), so the output is always valid UTF-8 whatever bytes a name was taken from.
void AppendString(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t run = 0;  // start of the bytes not yet copied: copied in one append, not one by one
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      int len = Utf8SequenceLength(s, i);
      if (len > 0) {
        i += len - 1;
        continue;
      }
    } else if (c >= 0x20 && c != '"' && c != '\\') {
      continue;
    }
    out->append(s, run, i - run);
    run = i + 1;
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          *out += buf;
        } else {
          *out += "\xEF\xBF\xBD";  // a byte of invalid UTF-8
        }
    }
  }
  out->append(s, run, std::string_view::npos);
  out->push_back('"');
}

void AppendNumber(uint32_t n, std::string* out) {
  char buf[10];
  char* p = buf + sizeof buf;
  do {
    *--p = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n);
  out->append(p, buf + sizeof buf - p);
}

// Writes JSON. In ASCII text a byte offset is already the UTF-16 index and is written as it
// comes; otherwise the offsets are collected, written as placeholders and converted to UTF-16
// in one pass at the end.
class Writer {
 public:
  explicit Writer(std::string_view text) : text_(text), ascii_(IsAscii(text)) {}

  std::string out;

  void Key(const char* k) {
    if (!out.empty() && out.back() != '{' && out.back() != '[') out.push_back(',');
    out.push_back('"');
    out += k;
    out += "\":";
  }
  void Offset(const char* k, uint32_t byte) {
    Key(k);
    if (ascii_) return AppendNumber(byte, &out);
    slots_.push_back(out.size());
    offsets_.push_back(byte);
  }
  void SpanFields(Span s) {
    Offset("start", s.start);
    Offset("end", s.end);
  }
  void Str(const char* k, std::string_view v) {
    Key(k);
    AppendString(v, &out);
  }
  void Raw(const char* k, std::string_view v) {
    Key(k);
    out += v;
  }
  void Id(const char* k, char prefix, int i) {
    if (i < 0) return Raw(k, "null");
    Key(k);
    out.push_back('"');
    out.push_back(prefix);
    AppendNumber(static_cast<uint32_t>(i), &out);
    out.push_back('"');
  }
  void Open(char c) {
    if (!out.empty() && out.back() != '{' && out.back() != '[' && out.back() != ':')
      out.push_back(',');
    out.push_back(c);
  }
  void Actor(const char* k, bool has, const presslens::Actor& a) {
    if (!has) return Raw(k, "null");
    Key(k);
    ActorObject(a);
  }
  void ActorObject(const presslens::Actor& a) {
    Open('{');
    Id("entity", 'e', a.entity);
    Str("name", a.name);
    SpanFields(a.span);
    if (!a.wikidata.empty()) Str("wikidata", a.wikidata);
    if (!a.country.empty()) Str("country", a.country);
    if (!a.actors.empty()) {
      Key("actors");
      out.push_back('[');
      for (const presslens::Actor& part : a.actors) ActorObject(part);
      out.push_back(']');
    }
    out.push_back('}');
  }
  void CueObj(const char* k, bool has, const presslens::Cue& c) {
    if (!has) return Raw(k, "null");
    Key(k);
    out.push_back('{');
    Str("lemma", c.lemma);
    SpanFields(c.span);
    if (!c.cameo.empty()) Str("cameo", c.cameo);
    out.push_back('}');
  }

  // The JSON, with the converted offsets inserted at their slots.
  std::string Finish() {
    if (ascii_) return std::move(out);
    Utf8ToUtf16Offsets(text_, &offsets_);
    std::string done;
    done.reserve(out.size() + offsets_.size() * 6);
    size_t from = 0;
    for (size_t i = 0; i < slots_.size(); ++i) {
      done.append(out, from, slots_[i] - from);
      AppendNumber(offsets_[i], &done);
      from = slots_[i];
    }
    done.append(out, from, std::string::npos);
    return done;
  }

 private:
  std::string_view text_;
  bool ascii_;
  std::vector<uint32_t> offsets_;
  std::vector<size_t> slots_;  // where each offset goes in `out`
};

}  // namespace

std::string ToJson(const Result& r, std::string_view text) {
  Writer w(text);
  // About 150 bytes per entity, quote or condemnation, plus 30 per mention.
  size_t mentions = 0;
  for (const Entity& e : r.entities) mentions += e.mentions.size();
  w.out.reserve(64 + 150 * (r.entities.size() + r.quotes.size() + r.condemnations.size() +
                            r.denials.size()) +
                30 * mentions);
  w.out = "{";
  w.Str("schema", "presslens/1");
  w.Key("entities");
  w.out.push_back('[');
  for (size_t i = 0; i < r.entities.size(); ++i) {
    const Entity& e = r.entities[i];
    w.Open('{');
    w.Id("id", 'e', static_cast<int>(i));
    w.Str("type", e.type);
    w.Str("name", e.name);
    w.Key("mentions");
    w.out.push_back('[');
    for (const Span& m : e.mentions) {
      w.Open('{');
      w.SpanFields(m);
      w.out.push_back('}');
    }
    w.out.push_back(']');
    if (!e.title.empty()) w.Str("title", e.title);
    if (!e.country.empty()) w.Str("country", e.country);
    if (!e.refers_to.empty()) w.Str("refersTo", e.refers_to);
    if (!e.wikidata.empty()) w.Str("wikidata", e.wikidata);
    w.out.push_back('}');
  }
  w.out.push_back(']');
  w.Key("quotes");
  w.out.push_back('[');
  for (size_t i = 0; i < r.quotes.size(); ++i) {
    const Quote& q = r.quotes[i];
    w.Open('{');
    w.Id("id", 'q', static_cast<int>(i));
    w.SpanFields(q.span);
    w.Str("kind", q.kind);
    w.Actor("speaker", q.has_speaker, q.speaker);
    w.CueObj("cue", q.has_cue, q.cue);
    w.Str("rule", q.rule);
    w.out.push_back('}');
  }
  w.out.push_back(']');
  // Condemnations and denials share one record ("c0", "d0").
  const auto findings = [&w](const char* key, const std::vector<Condemnation>& list, char prefix) {
    w.Key(key);
    w.out.push_back('[');
    for (size_t i = 0; i < list.size(); ++i) {
      const Condemnation& c = list[i];
      w.Open('{');
      w.Id("id", prefix, static_cast<int>(i));
      w.SpanFields(c.span);
      w.CueObj("cue", true, c.cue);
      if (!c.plover.event.empty()) {
        w.Key("plover");
        w.out.push_back('{');
        w.Str("event", c.plover.event);
        if (!c.plover.mode.empty()) w.Str("mode", c.plover.mode);
        w.out.push_back('}');
      }
      w.Actor("source", c.has_source, c.source);
      w.Key("target");
      w.out.push_back('{');
      w.SpanFields(c.target.span);
      w.Id("entity", 'e', c.target.entity);
      if (!c.target.wikidata.empty()) w.Str("wikidata", c.target.wikidata);
      if (!c.target.country.empty()) w.Str("country", c.target.country);
      w.out.push_back('}');
      w.Raw("negated", c.negated ? "true" : "false");
      w.Id("quote", 'q', c.quote);
      w.Str("rule", c.rule);
      w.out.push_back('}');
    }
    w.out.push_back(']');
  };
  findings("condemnations", r.condemnations, 'c');
  findings("denials", r.denials, 'd');
  w.out.push_back('}');
  return w.Finish();
}

}  // namespace presslens
