#include "tokens.h"

#include <re2/re2.h>

#include <string>
#include <unordered_set>

#include "data.h"

namespace presslens {
namespace {

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

// Case of the letters of an ASCII-or-UTF-8 word; non-ASCII letters count as neither, except
// that a word starting with a non-ASCII letter is checked by the Unicode-aware pattern.
void SetShape(std::string_view w, Token* t, const RE2& upper_initial) {
  bool lower = false, upper = false;
  for (char c : w) {
    if (IsAsciiLower(c)) lower = true;
    if (IsAsciiUpper(c)) upper = true;
  }
  t->upper_initial = !w.empty() && (IsAsciiUpper(w[0]) ||
                                    (static_cast<unsigned char>(w[0]) >= 0x80 &&
                                     RE2::PartialMatch(w, upper_initial)));
  t->all_caps = upper && !lower;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (IsAsciiUpper(x)) x = static_cast<char>(x - 'A' + 'a');
    if (IsAsciiUpper(y)) y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// Length in bytes of a clitic at the end of `word` ("'s", "’s", "n't"), or 0.
size_t CliticLength(std::string_view w) {
  static const char* const kApostrophes[] = {"'", "\xE2\x80\x99"};
  for (const char* ap : kApostrophes) {
    std::string_view a(ap);
    for (std::string_view rest : {"s", "re", "ve", "ll", "d", "m"}) {
      size_t n = a.size() + rest.size();
      if (w.size() > n && w.substr(w.size() - n, a.size()) == a &&
          EqualsIgnoreCase(w.substr(w.size() - rest.size()), rest))
        return n;
    }
    size_t n = 1 + a.size() + 1;  // n't
    if (w.size() > n + 1 && (w[w.size() - n] == 'n' || w[w.size() - n] == 'N') &&
        w.substr(w.size() - n + 1, a.size()) == a &&
        (w.back() == 't' || w.back() == 'T'))
      return n;
  }
  return 0;
}

}  // namespace

struct Tokenizer::Patterns {
  // Leading space, then one token; group 2..6 tell its kind.
  RE2 token{
      "([\\s\\p{Z}]*)(?:"
      "(\\p{Lu}\\.(?:\\p{L}\\.)+)|"                                    // 2 initialism U.S.
      "(\\p{N}+(?:[.,:/\\-]\\p{N}+)*(?:s|st|nd|rd|th)?)|"              // 3 number
      "([\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N}]*(?:['\\x{2019}\\-&][\\p{L}\\p{M}\\p{N}]+)*)|"  // 4 word
      "([\"'\\x{201C}\\x{201D}\\x{2018}\\x{2019}\\x{00AB}\\x{00BB}\\x{201E}\\x{201A}"
      "\\x{2039}\\x{203A}\\x{201F}\\x{201B}])|"                        // 5 quote mark
      "(\\.\\.\\.|[^\\s\\p{Z}]))"};                                     // 6 other
  RE2 space{"[\\s\\p{Z}]+"};
  RE2 upper_initial{"^\\p{Lu}"};
  std::unordered_set<std::string> abbreviations;

  Patterns() {
    for (std::string_view a : DataLines("abbreviations")) abbreviations.emplace(a);
  }
};

Tokenizer::Tokenizer() : patterns_(new Patterns) {}
Tokenizer::~Tokenizer() = default;

bool IsQuoteMark(std::string_view s) {
  static const std::unordered_set<std::string_view> kMarks = {
      "\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99",
      "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x9E", "\xE2\x80\x9A", "\xE2\x80\xB9", "\xE2\x80\xBA",
      "\xE2\x80\x9F", "\xE2\x80\x9B"};
  return kMarks.count(s) > 0;
}

namespace {

// Splits a word into tokens: "Russia’s" -> "Russia" "’s"; "don't" -> "do" "n't".
void AddWord(const char* base, re2::StringPiece w, Token t, const RE2& upper,
             std::vector<Token>* out) {
  std::string_view word(w.data(), w.size());
  size_t clitic = CliticLength(word);
  t.start = static_cast<uint32_t>(w.data() - base);
  t.end = static_cast<uint32_t>(t.start + word.size() - clitic);
  t.kind = TokenKind::kWord;
  SetShape(word.substr(0, word.size() - clitic), &t, upper);
  out->push_back(t);
  if (clitic) {
    Token c;
    c.start = t.end;
    c.end = t.start + static_cast<uint32_t>(word.size());
    c.kind = TokenKind::kClitic;
    out->push_back(c);
  }
}

bool EndsSentence(std::string_view tok) {
  return tok == "." || tok == "!" || tok == "?" || tok == "..." || tok == "\xE2\x80\xA6";
}

}  // namespace

void Tokenizer::Run(Document* doc) const {
  const std::string_view text = doc->text;
  const char* base = text.data();
  re2::StringPiece rest(text.data(), text.size());
  re2::StringPiece space, initialism, number, word, quote, other;
  auto& tokens = doc->tokens;
  tokens.clear();
  tokens.reserve(text.size() / 5);
  while (!rest.empty()) {
    if (!RE2::Consume(&rest, patterns_->token, &space, &initialism, &number, &word, &quote,
                      &other)) {
      // Invalid UTF-8 or trailing space: skip one byte and go on.
      if (RE2::Consume(&rest, patterns_->space)) continue;
      rest.remove_prefix(1);
      continue;
    }
    Token t;
    t.space_before = !space.empty() || tokens.empty();
    t.newline_before = space.find('\n') != re2::StringPiece::npos ||
                       space.find('\r') != re2::StringPiece::npos;
    if (!word.empty()) {
      AddWord(base, word, t, patterns_->upper_initial, &tokens);
      continue;
    }
    re2::StringPiece m = !initialism.empty() ? initialism
                         : !number.empty()   ? number
                         : !quote.empty()    ? quote
                                             : other;
    if (m.empty()) {  // only whitespace matched (end of text)
      continue;
    }
    t.start = static_cast<uint32_t>(m.data() - base);
    t.end = static_cast<uint32_t>(t.start + m.size());
    t.kind = !initialism.empty() ? TokenKind::kWord
             : !number.empty()   ? TokenKind::kNumber
             : !quote.empty()    ? TokenKind::kQuote
                                 : TokenKind::kPunct;
    if (t.kind == TokenKind::kWord) SetShape({m.data(), m.size()}, &t, patterns_->upper_initial);
    tokens.push_back(t);
  }

  // Sentences: a line break, or . ! ? (plus closing quotes and brackets) before a token that
  // can start a sentence, unless the period ends an abbreviation or an initial.
  auto& sentences = doc->sentences;
  sentences.clear();
  const int n = static_cast<int>(tokens.size());
  int first = 0;
  auto close = [&](int last) {
    if (last <= first) return;
    Sentence s;
    s.first = first;
    s.last = last;
    s.start = tokens[first].start;
    s.end = tokens[last - 1].end;
    bool at_line_start = first == 0 || tokens[first].newline_before;
    bool at_line_end = last == n || tokens[last].newline_before;
    s.headline = at_line_start && at_line_end &&
                 !EndsSentence(doc->TokenText(last - 1));
    for (int i = first; i < last; ++i) tokens[i].sentence = static_cast<int>(sentences.size());
    sentences.push_back(s);
    first = last;
  };
  for (int i = 0; i < n; ++i) {
    if (i > first && tokens[i].newline_before) close(i);
    std::string_view tok = doc->TokenText(i);
    if (!EndsSentence(tok)) continue;
    if (tok == "." && i > first && tokens[i - 1].kind == TokenKind::kWord && !tokens[i].space_before) {
      std::string_view prev = doc->TokenText(i - 1);
      bool initial = prev.size() == 1 && IsAsciiUpper(prev[0]);
      if (initial || patterns_->abbreviations.count(std::string(prev))) continue;
    }
    int j = i + 1;
    while (j < n && !tokens[j].newline_before &&
           (tokens[j].kind == TokenKind::kQuote || doc->TokenText(j) == ")") &&
           !(tokens[j].space_before)) {
      ++j;
    }
    if (j >= n) break;
    if (tokens[j].newline_before) { close(j); continue; }
    const Token& next = tokens[j];
    if (!next.space_before) continue;
    if (next.upper_initial || next.kind == TokenKind::kNumber || next.kind == TokenKind::kQuote ||
        (next.kind == TokenKind::kPunct && doc->TokenText(j) == "(")) {
      close(j);
      i = j - 1;
    }
  }
  close(n);
}

}  // namespace presslens
