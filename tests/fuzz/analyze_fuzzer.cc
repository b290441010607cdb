// libFuzzer target over the core's entry point: Analyzer::Analyze + ToJson on arbitrary bytes.
//
//   scripts/fuzz.sh SECONDS      (builds build/fuzz with clang, ASan + UBSan, and runs this)
//
// Besides "no crash, no sanitizer report", the invariants the JavaScript layer relies on are
// checked here, so a fuzzer finding is also any result a user could not highlight:
//   - every span lies inside the text, start <= end, and never splits a UTF-8 sequence;
//   - an entity's mentions are in text order; speaker/source/target entity indices exist;
//   - a condemnation's quote index exists;
//   - ToJson is valid JSON (strict parser below), valid UTF-8, with no raw control characters,
//     and every "start"/"end" in it is a UTF-16 index within the text.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "offsets.h"
#include "presslens/presslens.h"

namespace {

using presslens::Span;

[[noreturn]] void Fail(const char* what, size_t a = 0, size_t b = 0) {
  std::fprintf(stderr, "INVARIANT VIOLATED: %s (%zu, %zu)\n", what, a, b);
  std::abort();
}

// boundary[i] is true when byte offset i starts a character (or is the end of the text), as
// the core reads UTF-8: a valid sequence is one character, every byte of an invalid one is one.
std::vector<bool> Boundaries(std::string_view text, uint32_t* utf16_length) {
  std::vector<bool> boundary(text.size() + 1, false);
  uint32_t units = 0;
  size_t i = 0;
  while (i < text.size()) {
    boundary[i] = true;
    int len = presslens::Utf8SequenceLength(text, i);
    units += len == 4 ? 2 : 1;
    i += len == 0 ? 1 : len;
  }
  boundary[text.size()] = true;
  *utf16_length = units;
  return boundary;
}

void CheckSpan(const Span& s, const std::vector<bool>& boundary, const char* what) {
  if (s.start > s.end) Fail(what, s.start, s.end);
  if (s.end >= boundary.size()) Fail(what, s.end, boundary.size() - 1);
  if (!boundary[s.start] || !boundary[s.end]) Fail(what, s.start, s.end);
}

void CheckEntityIndex(int entity, size_t count, const char* what) {
  if (entity < -1 || entity >= static_cast<int>(count)) Fail(what, entity, count);
}

// A strict JSON checker (RFC 8259) that also collects the numbers stored under "start" and
// "end". Nesting in presslens/1 is shallow, so plain recursion is fine.
class JsonChecker {
 public:
  // PRESSLENS_FUZZ_ALLOW_INVALID_UTF8=1 tolerates invalid UTF-8 copied from the input into JSON
  // strings, to fuzz past that known finding while it is open.
  bool allow_invalid_utf8 = false;

  JsonChecker(std::string_view s, std::vector<double>* offsets) : s_(s), offsets_(offsets) {}

  bool Check() {
    Space();
    if (!Value(0)) return false;
    Space();
    return pos_ == s_.size();
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
  std::vector<double>* offsets_;

  bool At(char c) const { return pos_ < s_.size() && s_[pos_] == c; }
  void Space() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' ||
                                s_[pos_] == '\t'))
      ++pos_;
  }
  bool Literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  bool String(std::string* out) {
    if (!At('"')) return false;
    ++pos_;
    while (pos_ < s_.size()) {
      unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return false;  // raw control character
      if (c == '\\') {
        if (++pos_ >= s_.size()) return false;
        char e = s_[pos_];
        if (e == 'u') {
          for (int k = 1; k <= 4; ++k)
            if (pos_ + k >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[pos_ + k])))
              return false;
          pos_ += 5;
          continue;
        }
        if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) return false;
        ++pos_;
        continue;
      }
      int len = presslens::Utf8SequenceLength(s_, pos_);
      if (len == 0) {
        if (!allow_invalid_utf8) return false;  // invalid UTF-8 in the output
        len = 1;
      }
      if (out) out->append(s_.substr(pos_, len));
      pos_ += len;
    }
    return false;
  }
  bool Number(double* value) {
    size_t begin = pos_;
    if (At('-')) ++pos_;
    if (At('0')) {
      ++pos_;
    } else {
      if (!(pos_ < s_.size() && s_[pos_] >= '1' && s_[pos_] <= '9')) return false;
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    if (At('.')) {
      ++pos_;
      if (!(pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_])))) return false;
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    if (At('e') || At('E')) {
      ++pos_;
      if (At('+') || At('-')) ++pos_;
      if (!(pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_])))) return false;
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    *value = std::strtod(std::string(s_.substr(begin, pos_ - begin)).c_str(), nullptr);
    return true;
  }
  bool Value(int depth) {
    if (depth > 64) return false;
    if (At('{')) {
      ++pos_;
      Space();
      if (At('}')) return ++pos_, true;
      for (;;) {
        std::string key;
        Space();
        if (!String(&key)) return false;
        Space();
        if (!At(':')) return false;
        ++pos_;
        Space();
        if ((key == "start" || key == "end") && !At('"') && !At('{') && !At('[') && !At('n')) {
          double v;
          if (!Number(&v)) return false;
          offsets_->push_back(v);
        } else if (!Value(depth + 1)) {
          return false;
        }
        Space();
        if (At('}')) return ++pos_, true;
        if (!At(',')) return false;
        ++pos_;
      }
    }
    if (At('[')) {
      ++pos_;
      Space();
      if (At(']')) return ++pos_, true;
      for (;;) {
        Space();
        if (!Value(depth + 1)) return false;
        Space();
        if (At(']')) return ++pos_, true;
        if (!At(',')) return false;
        ++pos_;
      }
    }
    if (At('"')) return String(nullptr);
    if (At('t')) return Literal("true");
    if (At('f')) return Literal("false");
    if (At('n')) return Literal("null");
    double v;
    return Number(&v);
  }
};

void CheckResult(std::string_view text, const presslens::Result& r) {
  uint32_t utf16_length = 0;
  std::vector<bool> boundary = Boundaries(text, &utf16_length);
  const size_t entities = r.entities.size();
  for (const presslens::Entity& e : r.entities) {
    if (e.mentions.empty()) Fail("entity without mentions");
    for (size_t i = 0; i < e.mentions.size(); ++i) {
      CheckSpan(e.mentions[i], boundary, "mention span");
      if (e.mentions[i].empty()) Fail("empty mention", e.mentions[i].start, e.mentions[i].end);
      if (i > 0 && e.mentions[i].start < e.mentions[i - 1].start)
        Fail("mentions out of text order", e.mentions[i - 1].start, e.mentions[i].start);
    }
  }
  for (const presslens::Quote& q : r.quotes) {
    CheckSpan(q.span, boundary, "quote span");
    if (q.has_speaker) {
      CheckSpan(q.speaker.span, boundary, "speaker span");
      CheckEntityIndex(q.speaker.entity, entities, "speaker entity index");
    }
    if (q.has_cue) CheckSpan(q.cue.span, boundary, "quote cue span");
  }
  for (const presslens::Condemnation& c : r.condemnations) {
    CheckSpan(c.span, boundary, "condemnation span");
    CheckSpan(c.cue.span, boundary, "condemnation cue span");
    CheckSpan(c.target.span, boundary, "target span");
    CheckEntityIndex(c.target.entity, entities, "target entity index");
    if (c.has_source) {
      CheckSpan(c.source.span, boundary, "source span");
      CheckEntityIndex(c.source.entity, entities, "source entity index");
    }
    if (c.quote < -1 || c.quote >= static_cast<int>(r.quotes.size()))
      Fail("condemnation quote index", c.quote, r.quotes.size());
  }

  std::string json = presslens::ToJson(r, text);
  std::vector<double> offsets;
  JsonChecker checker(json, &offsets);
  static const bool allow_invalid_utf8 = std::getenv("PRESSLENS_FUZZ_ALLOW_INVALID_UTF8") != nullptr;
  checker.allow_invalid_utf8 = allow_invalid_utf8;
  if (!checker.Check()) {
    std::fprintf(stderr, "%s\n", json.c_str());
    Fail("ToJson output is not valid JSON/UTF-8");
  }
  for (double v : offsets) {
    if (!(v >= 0 && v <= utf16_length) || v != static_cast<double>(static_cast<uint32_t>(v)))
      Fail("JSON offset outside the UTF-16 text", static_cast<size_t>(v), utf16_length);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const presslens::Analyzer* analyzer = new presslens::Analyzer();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  presslens::Result result = analyzer->Analyze(text);
  CheckResult(text, result);
  return 0;
}
