// ToJson: the result as schema presslens/1, with UTF-16 offsets.
#include <cstdio>
#include <string>

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

// Writes JSON while collecting byte offsets; the offsets are written as placeholders and
// converted to UTF-16 in one pass at the end.
class Writer {
 public:
  std::string out;
  std::vector<uint32_t> offsets;
  std::vector<size_t> slots;  // where each offset goes in `out`

  void Key(const char* k) {
    if (!out.empty() && out.back() != '{' && out.back() != '[') out.push_back(',');
    out.push_back('"');
    out += k;
    out += "\":";
  }
  void Offset(const char* k, uint32_t byte) {
    Key(k);
    slots.push_back(out.size());
    offsets.push_back(byte);
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
    Str(k, std::string(1, prefix) + std::to_string(i));
  }
  void Open(char c) {
    if (!out.empty() && out.back() != '{' && out.back() != '[' && out.back() != ':')
      out.push_back(',');
    out.push_back(c);
  }
  void Actor(const char* k, bool has, const presslens::Actor& a) {
    if (!has) return Raw(k, "null");
    Key(k);
    out.push_back('{');
    Id("entity", 'e', a.entity);
    Str("name", a.name);
    SpanFields(a.span);
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

  // Inserts the converted offsets at their slots.
  std::string Finish(std::string_view text) {
    Utf8ToUtf16Offsets(text, &offsets);
    std::string done;
    done.reserve(out.size() + offsets.size() * 6);
    size_t from = 0;
    for (size_t i = 0; i < slots.size(); ++i) {
      done.append(out, from, slots[i] - from);
      done += std::to_string(offsets[i]);
      from = slots[i];
    }
    done.append(out, from, std::string::npos);
    return done;
  }
};

}  // namespace

std::string ToJson(const Result& r, std::string_view text) {
  Writer w;
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
  w.Key("condemnations");
  w.out.push_back('[');
  for (size_t i = 0; i < r.condemnations.size(); ++i) {
    const Condemnation& c = r.condemnations[i];
    w.Open('{');
    w.Id("id", 'c', static_cast<int>(i));
    w.SpanFields(c.span);
    w.CueObj("cue", true, c.cue);
    w.Actor("source", c.has_source, c.source);
    w.Key("target");
    w.out.push_back('{');
    w.SpanFields(c.target.span);
    w.Id("entity", 'e', c.target.entity);
    w.out.push_back('}');
    w.Raw("negated", c.negated ? "true" : "false");
    w.Id("quote", 'q', c.quote);
    w.Str("rule", c.rule);
    w.out.push_back('}');
  }
  w.out += "]}";
  return w.Finish(text);
}

}  // namespace presslens
