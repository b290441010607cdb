#include "tokens.h"

#include <re2/re2.h>

#include <cstring>
#include <string>
#include <vector>

#include "data.h"
#include "gazetteer.h"

namespace presslens {
namespace {

// All but the common word scan stays out of Tokenizer::Run's loop (numbers, initialisms,
// non-ASCII), and so does the sentence pass (PRESSLENS_OUT_OF_LINE, document.h).

bool StartsUpperCase(std::string_view w);  // by Unicode category, for non-ASCII first letters

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

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

namespace {

// Byte classes for the ASCII fast paths: one table load instead of a chain of comparisons
// per byte (the tokenizer looks at every byte of the text).
enum : uint8_t { kLowerBit = 1, kUpperBit = 2 };
constexpr uint8_t CaseOf(unsigned char c) {
  return c >= 'a' && c <= 'z' ? kLowerBit : c >= 'A' && c <= 'Z' ? kUpperBit : 0;
}
// More classes (whitespace, letters and digits) and ASCII lower case, by byte.
enum : uint8_t { kAlnumBit = 1, kSpaceBit = 2, kNewlineBit = 4 };
constexpr uint8_t kDigitBit = 4;  // in CaseTable::letter, beside kLowerBit and kUpperBit
struct CaseTable {
  uint8_t v[256];     // kLowerBit, kUpperBit
  uint8_t cls[256];   // kAlnumBit, kSpaceBit, kNewlineBit
  uint8_t fold[256];  // ASCII lower case
  uint8_t letter[256];  // v, plus kDigitBit for digits: non-zero for letters and digits
  constexpr CaseTable() : v(), cls(), fold(), letter() {
    for (int c = 0; c < 256; ++c) {
      v[c] = CaseOf(static_cast<unsigned char>(c));
      const bool digit = c >= '0' && c <= '9';
      const bool newline = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c;
      const bool space = c == ' ' || c == '\t' || newline;
      cls[c] = static_cast<uint8_t>((v[c] || digit ? kAlnumBit : 0) | (space ? kSpaceBit : 0) |
                                    (newline ? kNewlineBit : 0));
      fold[c] = static_cast<uint8_t>(v[c] == kUpperBit ? c - 'A' + 'a' : c);
      letter[c] = static_cast<uint8_t>(v[c] | (digit ? kDigitBit : 0));
    }
  }
};
constexpr CaseTable kCase;

// Case of the letters of an ASCII-or-UTF-8 word; non-ASCII letters count as neither, except
// that a word starting with a non-ASCII letter is checked by the Unicode-aware pattern.
void SetShape(std::string_view w, Token* t) {
  unsigned bits = 0;
  for (char c : w) bits |= kCase.v[static_cast<unsigned char>(c)];
  t->upper_initial = !w.empty() && (IsAsciiUpper(w[0]) ||
                                    (static_cast<unsigned char>(w[0]) >= 0x80 &&
                                     StartsUpperCase(w)));
  t->all_caps = bits == kUpperBit;
  t->capitals = (bits & kUpperBit) != 0;
}

// Length in bytes of a clitic at the end of `word` ("'s", "’s", "n't"), or 0.
size_t CliticLength(std::string_view w) {
  // Most words have no apostrophe in their last five bytes (the longest clitic, "’ll", is
  // five bytes): answer them without the loops below, which run on every word.
  bool apostrophe = false;
  for (size_t i = w.size() > 5 ? w.size() - 5 : 0; i < w.size(); ++i)
    apostrophe = apostrophe || w[i] == '\'' || w[i] == '\xE2';
  if (!apostrophe) return 0;
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

// The code point at text[pos] when it is the no-break space (U+00A0) or in the General
// Punctuation block (U+2000-U+206F: spaces, dashes, ellipsis, bullets, curly quotes), else 0.
// These are most of the non-ASCII characters of English news, and the block has no letter,
// mark or digit: the tokenizer tells them apart without the Unicode patterns, which the first
// such character of a process would otherwise compile (milliseconds in cold wasm).
unsigned GeneralPunctuation(std::string_view text, size_t pos) {
  auto byte = [&](size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u; };
  if (byte(pos) == 0xC2 && byte(pos + 1) == 0xA0) return 0xA0;
  if (byte(pos) != 0xE2 || (byte(pos + 1) != 0x80 && byte(pos + 1) != 0x81) ||
      (byte(pos + 2) & 0xC0) != 0x80)
    return 0;
  return 0x2000 + ((byte(pos + 1) & 1) << 6) + (byte(pos + 2) & 0x3F);
}

// The ASCII cases of the word and number patterns below, scanned by hand because English news
// is nearly all ASCII and an RE2 call per token costs more than the scan. Returns the length of
// the word at text[pos] (a letter), or 0 when a non-ASCII character other than ’ and general
// punctuation is involved (RE2 then decides). On the way it collects the case bits of the word's letters and whether an
// apostrophe joins two of its parts, so that a word without one (no clitic) needs no rescan.
size_t AsciiWordLength(std::string_view text, size_t pos, unsigned* case_bits,
                       bool* apostrophe) {
  size_t e = pos + 1;
  const size_t n = text.size();
  const unsigned char first = static_cast<unsigned char>(text[pos]);
  unsigned bits = kCase.v[first];
  auto alnum = [](unsigned char c) { return (kCase.cls[c] & kAlnumBit) != 0; };
  while (true) {
    // kCase.letter bits of the run below: one table load per byte (an eight-byte SWAR scan of
    // the letters costs more here, natively and in WebAssembly).
    unsigned scanned = 0;
    for (; e < n; ++e) {
      const unsigned char c = static_cast<unsigned char>(text[e]);
      const unsigned l = kCase.letter[c];
      if (!l) break;
      scanned |= l;
    }
    bits |= scanned & (kLowerBit | kUpperBit);
    *case_bits = bits;
    if (e < n && static_cast<unsigned char>(text[e]) >= 0x80) {
      // ’ (U+2019) joins like ' does (Russia’s, don’t); general punctuation (said” or
      // Kiev—) ends the word; any other non-ASCII: RE2 decides.
      if (text.compare(e, 3, "\xE2\x80\x99") != 0) return GeneralPunctuation(text, e) ? e - pos : 0;
      if (e + 3 >= n) return e - pos;
      unsigned char next = static_cast<unsigned char>(text[e + 3]);
      if (next >= 0x80) return GeneralPunctuation(text, e + 3) ? e - pos : 0;
      if (!alnum(next)) return e - pos;
      *apostrophe = true;
      bits |= kCase.v[next];
      e += 4;
      continue;
    }
    if (e + 1 < n && (text[e] == '\'' || text[e] == '-' || text[e] == '&')) {
      unsigned char next = static_cast<unsigned char>(text[e + 1]);
      if (next >= 0x80) return GeneralPunctuation(text, e + 1) ? e - pos : 0;
      if (alnum(next)) {
        *apostrophe = *apostrophe || text[e] == '\'';
        bits |= kCase.v[next];
        e += 2;
        continue;
      }
    }
    return e - pos;
  }
}

// The ASCII case of the initialism pattern below (\p{Lu}\.(?:\p{L}\.)+): the length of
// "U.S." at text[pos], 0 when there is none, or npos when a non-ASCII byte is involved (RE2
// then decides). Each repetition is exactly one letter and a period, so the greedy match
// needs no backtracking and equals RE2's.
size_t AsciiInitialismLength(std::string_view text, size_t pos) {
  const size_t n = text.size();
  auto letter = [&](size_t i) { return ((text[i] | 0x20) >= 'a' && (text[i] | 0x20) <= 'z'); };
  auto high = [&](size_t i) { return static_cast<unsigned char>(text[i]) >= 0x80; };
  if (high(pos)) return std::string_view::npos;
  if (!IsAsciiUpper(text[pos]) || pos + 1 >= n || text[pos + 1] != '.') return 0;
  size_t e = pos + 2;
  while (e < n) {
    if (high(e)) return std::string_view::npos;
    if (!letter(e) || e + 1 >= n || text[e + 1] != '.') break;
    e += 2;
  }
  return e > pos + 2 ? e - pos : 0;
}

PRESSLENS_OUT_OF_LINE size_t AsciiNumberLength(std::string_view text, size_t pos) {
  auto digit = [&](size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  auto high = [&](size_t i) { return i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80; };
  size_t e = pos;
  while (digit(e)) ++e;
  auto joiner = [&](size_t i) {
    const char c = text[i];
    return c == '.' || c == ',' || c == ':' || c == '/' || c == '-';
  };
  while (e + 1 < text.size() && joiner(e) &&
         digit(e + 1)) {
    e += 1;
    while (digit(e)) ++e;
  }
  if (high(e) && !GeneralPunctuation(text, e)) return 0;
  for (std::string_view suffix : {"st", "nd", "rd", "th", "s"}) {
    if (text.substr(e, suffix.size()) == suffix) return e + suffix.size() - pos;
  }
  return e - pos;
}

// One anchored pattern per token kind, chosen by the first character, each matched without
// submatches so RE2 can use its DFA (capture groups force the NFA). They are only needed for
// non-ASCII text and their Unicode classes are costly to compile, so each is compiled on
// first use, once per process (LazyRE2 is thread-safe).
// LazyRE2 is meant to be brace-initialised with the pattern alone (re2.h silences the
// resulting warning for GCC only).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
LazyRE2 kSpace = {"[\\s\\p{Z}]+"};
LazyRE2 kInitialism = {"\\p{Lu}\\.(?:\\p{L}\\.)+"};  // U.S.
LazyRE2 kNumber = {"\\p{N}+(?:[.,:/\\-]\\p{N}+)*(?:st|nd|rd|th|s)?"};
LazyRE2 kWord = {"[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N}]*(?:['\\x{2019}\\-&][\\p{L}\\p{M}\\p{N}]+)*"};
LazyRE2 kQuote = {"[\"'\\x{201C}\\x{201D}\\x{2018}\\x{2019}\\x{00AB}\\x{00BB}\\x{201E}\\x{201A}"
                  "\\x{2039}\\x{203A}\\x{201F}\\x{201B}]"};
LazyRE2 kOther = {"\\.\\.\\.|[^\\s\\p{Z}]"};
LazyRE2 kUpperInitial = {"^\\p{Lu}"};
#pragma GCC diagnostic pop

bool StartsUpperCase(std::string_view w) { return RE2::PartialMatch(w, *kUpperInitial); }

// The quotation marks of kQuote written in three bytes (U+2018-U+201F, U+2039, U+203A), which
// curly-quoted English text is full of: recognised without RE2.
bool IsCurlyQuote(std::string_view text, size_t pos) {
  if (pos + 2 >= text.size() || text[pos] != '\xE2' || text[pos + 1] != '\x80') return false;
  unsigned char c = static_cast<unsigned char>(text[pos + 2]);
  return (c >= 0x98 && c <= 0x9F) || c == 0xB9 || c == 0xBA;
}

// Length of the match of `re` starting exactly at text[pos], or 0. RE2 is given a window
// of the text, not all of it: on short texts RE2 picks its BitState engine, whose set-up
// is proportional to the text it is given. The window
// grows while the match reaches its last bytes (no token pattern looks further ahead than
// a joiner and one letter, at most 8 bytes), so the result is the same as on the whole text.
// Out of line with the pattern's lazy initialisation (English news seldom gets here: the
// ASCII scan answers first).
PRESSLENS_OUT_OF_LINE size_t MatchAt(const LazyRE2& lazy, std::string_view text, size_t pos) {
  const RE2& re = *lazy;
  constexpr size_t kLookahead = 16;
  for (size_t window = 64;; window *= 4) {
    const size_t end = std::min(text.size(), pos + window);
    re2::StringPiece m;
    if (!re.Match(re2::StringPiece(text.data(), end), pos, end, RE2::ANCHOR_START, &m, 1))
      return 0;  // each pattern fails or succeeds within its first two characters
    const size_t match_end = pos + m.size();
    if (end == text.size() || match_end + kLookahead <= end) return m.size();
  }
}

}  // namespace

struct Tokenizer::Patterns {
  // Abbreviations by hash (checked against the stored word): the sentence splitter asks about
  // the word before most periods.
  FlatMap abbreviation_index;
  std::vector<std::string> abbreviations;

  Patterns() {
    std::vector<std::string_view> lines = DataLines("abbreviations");
    abbreviations.reserve(lines.size());
    abbreviation_index.Reserve(lines.size());
    for (std::string_view a : lines) {
      uint64_t h = Hash(kHashSeed, a);
      if (abbreviation_index.Contains(h)) continue;
      abbreviation_index.Insert(h, static_cast<int32_t>(abbreviations.size()));
      abbreviations.emplace_back(a);
    }
  }
  bool IsAbbreviation(std::string_view w) const {
    const int32_t* k = abbreviation_index.Find(Hash(kHashSeed, w));
    return k && abbreviations[*k] == w;
  }
};

Tokenizer::Tokenizer() : patterns_(new Patterns) {}
Tokenizer::~Tokenizer() = default;

namespace {

// Splits a word into tokens: "Russia’s" -> "Russia" "’s"; "don't" -> "do" "n't".
void AddWord(const char* base, re2::StringPiece w, Token t, std::vector<Token>* out) {
  std::string_view word(w.data(), w.size());
  size_t clitic = CliticLength(word);
  t.start = static_cast<uint32_t>(w.data() - base);
  t.end = static_cast<uint32_t>(t.start + word.size() - clitic);
  t.kind = TokenKind::kWord;
  SetShape(word.substr(0, word.size() - clitic), &t);
  out->push_back(t);
  if (clitic) {
    Token c;
    c.start = t.end;
    c.end = t.start + static_cast<uint32_t>(word.size());
    c.kind = TokenKind::kClitic;
    for (char ch : word.substr(word.size() - clitic)) c.capitals |= IsAsciiUpper(ch);
    out->push_back(c);
  }
}

// Only punctuation tokens can be one of . ! ? ... …
bool EndsSentence(const Token& t, std::string_view tok) {
  if (t.kind != TokenKind::kPunct) return false;
  if (tok.size() == 1) return tok[0] == '.' || tok[0] == '!' || tok[0] == '?';
  return tok == "..." || tok == "\xE2\x80\xA6";
}

// ASCII lower case of `in` into `out` (same length), eight bytes at a time: a byte gets 0x20
// added when it is below 0x80 and in [A, Z] (the carries of the additions stay in each byte).
void LowerInto(std::string_view in, char* out) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  size_t i = 0;
  for (; i + 8 <= in.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, in.data() + i, 8);
    const uint64_t heptets = x & (0x7F * kOnes);
    const uint64_t at_least_a = heptets + (0x80 - 'A') * kOnes;
    const uint64_t above_z = heptets + (0x7F - 'Z') * kOnes;
    const uint64_t upper = at_least_a & ~above_z & ~x & (0x80 * kOnes);
    x |= upper >> 2;
    std::memcpy(out + i, &x, 8);
  }
  for (; i < in.size(); ++i) {
    const char c = in[i];
    out[i] = IsAsciiUpper(c) ? static_cast<char>(c + ('a' - 'A')) : c;
  }
}

PRESSLENS_OUT_OF_LINE void FillLowerText(Document* doc) {
  // A copy lowered in place: assign() copies with memcpy, where resize() filled byte by byte.
  doc->lower_text.assign(doc->text.data(), doc->text.size());
  LowerInto(doc->lower_text, &doc->lower_text[0]);
}

void FillFoldedHashes(Document* doc) {
  const std::vector<Token>& tokens = doc->tokens;
  std::vector<uint64_t>& hashes = doc->folded_hash;
  hashes.clear();
  hashes.reserve(tokens.size());
  const char* lower = doc->lower_text.data();
  for (const Token& t : tokens)
    hashes.push_back(Hash(kHashSeed, std::string_view(lower + t.start, t.end - t.start)));
}

// Length of the initialism ("U.S.") at text[pos], a letter followed by a period, or 0 (out of
// line: most words are not followed by a period).
PRESSLENS_OUT_OF_LINE size_t InitialismLength(std::string_view text, size_t pos) {
  const size_t init = AsciiInitialismLength(text, pos);
  return init == std::string_view::npos ? MatchAt(kInitialism, text, pos) : init;
}

// Tokenizer::Run for a character outside ASCII (out of line, off the loop over every
// character): the token or space run at `pos`, General Punctuation decoded directly, the rest
// through RE2. Returns where the scan goes on.
PRESSLENS_OUT_OF_LINE size_t ScanNonAscii(Document* doc, size_t pos, bool* space,
                                          bool* newline) {
  const std::string_view text = doc->text;
  if (const unsigned cp = GeneralPunctuation(text, pos)) {
    if (cp == 0xA0 || cp <= 0x200A || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F) {
      *newline |= cp == 0x2028 || cp == 0x2029;
      *space = true;
      return pos + (cp == 0xA0 ? 2 : 3);
    }
    Token t;
    t.space_before = *space;
    t.newline_before = *newline;
    t.kind = IsCurlyQuote(text, pos) ? TokenKind::kQuote : TokenKind::kPunct;
    t.start = static_cast<uint32_t>(pos);
    t.end = static_cast<uint32_t>(pos + 3);
    doc->tokens.push_back(t);
    *space = *newline = false;
    return pos + 3;
  }
  size_t len;
  if ((len = MatchAt(kSpace, text, pos)) > 0) {
    std::string_view run = text.substr(pos, len);
    *newline |= run.find_first_of("\n\r\v\f") != std::string_view::npos ||
                run.find("\xE2\x80\xA8") != std::string_view::npos ||
                run.find("\xE2\x80\xA9") != std::string_view::npos;
    *space = true;
    return pos + len;
  }
  Token t;
  t.space_before = *space;
  t.newline_before = *newline;
  if ((len = IsCurlyQuote(text, pos) ? 3 : MatchAt(kQuote, text, pos)) > 0) {
    t.kind = TokenKind::kQuote;
  } else if ((len = MatchAt(kWord, text, pos)) > 0) {
    size_t init = MatchAt(kInitialism, text, pos);
    if (init > 0) {
      t.kind = TokenKind::kWord;
      len = init;
      SetShape(text.substr(pos, len), &t);
    } else {
      AddWord(text.data(), re2::StringPiece(text.data() + pos, len), t, &doc->tokens);
      *space = *newline = false;
      return pos + len;
    }
  } else if ((len = MatchAt(kNumber, text, pos)) > 0) {
    t.kind = TokenKind::kNumber;
  } else if ((len = MatchAt(kOther, text, pos)) > 0) {
    t.kind = TokenKind::kPunct;
  } else {
    return pos + 1;  // invalid UTF-8: skipped
  }
  t.start = static_cast<uint32_t>(pos);
  t.end = static_cast<uint32_t>(pos + len);
  doc->tokens.push_back(t);
  *space = *newline = false;
  return pos + len;
}

}  // namespace

void Tokenizer::Run(Document* doc) const {
  const std::string_view text = doc->text;
  const char* base = text.data();
  auto& tokens = doc->tokens;
  tokens.clear();
  tokens.reserve(text.size() / 4 + 16);  // English news: about one token per 5 bytes
  bool space = true, newline = false;
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (kCase.cls[c] & kSpaceBit) {  // ASCII whitespace
      newline |= (kCase.cls[c] & kNewlineBit) != 0;
      space = true;
      ++pos;
      continue;
    }
    size_t len = 0;
    Token t;
    if (c < 0x80) {
      // ASCII, nearly all of English news: no RE2 call (\p{N} and \p{L} hold no other ASCII
      // characters than digits and letters, so the patterns below could not match).
      t.space_before = space;
      t.newline_before = newline;
      if (kCase.v[c]) {
        const size_t init =
            pos + 1 < text.size() && text[pos + 1] == '.' ? InitialismLength(text, pos) : 0;
        if (init > 0) {
          t.kind = TokenKind::kWord;
          len = init;
          SetShape(text.substr(pos, len), &t);
        } else {
          unsigned case_bits = 0;
          bool apostrophe = false;
          len = AsciiWordLength(text, pos, &case_bits, &apostrophe);
          if (len > 0 && !apostrophe) {
            // No clitic: the shape is known from the scan (SetShape's result, no rescan).
            t.kind = TokenKind::kWord;
            t.start = static_cast<uint32_t>(pos);
            t.end = static_cast<uint32_t>(pos + len);
            t.upper_initial = IsAsciiUpper(static_cast<char>(c));
            t.all_caps = case_bits == kUpperBit;
            t.capitals = (case_bits & kUpperBit) != 0;
            tokens.push_back(t);
            pos += len;
            // The single space that follows most words, without a turn of the loop.
            space = pos < text.size() && text[pos] == ' ';
            pos += space;
            newline = false;
            continue;
          }
          if (len == 0) len = MatchAt(kWord, text, pos);
          AddWord(base, re2::StringPiece(text.data() + pos, len), t, &tokens);
          pos += len;
          space = newline = false;
          continue;
        }
      } else if (c == '"' || c == '\'') {
        // Two apostrophes are one double quote mark (''So,'' he said), as newswire archives
        // write them.
        t.kind = TokenKind::kQuote;
        len = c == '\'' && pos + 1 < text.size() && text[pos + 1] == '\'' ? 2 : 1;
      } else if (c >= '0' && c <= '9' &&
                 ((len = AsciiNumberLength(text, pos)) > 0 ||
                  (len = MatchAt(kNumber, text, pos)) > 0)) {
        t.kind = TokenKind::kNumber;
      } else {
        t.kind = TokenKind::kPunct;
        len = c == '.' && pos + 2 < text.size() && text[pos + 1] == '.' && text[pos + 2] == '.'
                  ? 3
                  : 1;
      }
    } else {
      pos = ScanNonAscii(doc, pos, &space, &newline);
      continue;
    }
    t.start = static_cast<uint32_t>(pos);
    t.end = static_cast<uint32_t>(pos + len);
    tokens.push_back(t);
    pos += len;
    space = newline = false;
  }
  if (!tokens.empty()) tokens.front().space_before = true;
  // A long text's spare room is freed before anything else is allocated: the lower-case text
  // and the hashes, each sized exactly, then take the place of the first buffer, and the peak
  // of the pass is the two token buffers, not all four beside the spare room.
  if (text.size() > kLongText) tokens.shrink_to_fit();
  FillLowerText(doc);
  FillFoldedHashes(doc);

  FindSentences(doc);
  if (text.size() > kLongText) doc->sentences.shrink_to_fit();  // grown by doubling
}

// Sentences: a line break, or . ! ? (plus closing quotes and brackets) before a token that
// can start a sentence, unless the period ends an abbreviation or an initial.
PRESSLENS_OUT_OF_LINE void Tokenizer::FindSentences(Document* doc) const {
  auto& tokens = doc->tokens;
  auto& sentences = doc->sentences;
  sentences.clear();
  const int n = static_cast<int>(tokens.size());
  int first = 0;
  auto close = [&](int last) {
    if (last <= first) return;
    if (last < n && static_cast<int>(sentences.size()) + 1 >= kMaxSentences) return;
    Sentence s;
    s.first = first;
    s.last = last;
    s.start = tokens[first].start;
    s.end = tokens[last - 1].end;
    bool at_line_start = first == 0 || tokens[first].newline_before;
    bool at_line_end = last == n || tokens[last].newline_before;
    s.headline = at_line_start && at_line_end &&
                 !EndsSentence(tokens[last - 1], doc->TokenText(last - 1));
    for (int i = first; i < last; ++i) tokens[i].sentence = static_cast<int>(sentences.size());
    sentences.push_back(s);
    first = last;
  };
  for (int i = 0; i < n; ++i) {
    if (i > first && tokens[i].newline_before) close(i);
    if (tokens[i].kind != TokenKind::kPunct) continue;
    std::string_view tok = doc->TokenText(i);
    if (!EndsSentence(tokens[i], tok)) continue;
    if (tok == "." && i > first && tokens[i - 1].kind == TokenKind::kWord && !tokens[i].space_before) {
      std::string_view prev = doc->TokenText(i - 1);
      bool initial = prev.size() == 1 && IsAsciiUpper(prev[0]);
      if (initial || patterns_->IsAbbreviation(prev)) continue;
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

void FillLowerCase(Document* doc) {
  if (doc->lower_text.size() != doc->text.size()) FillLowerText(doc);
  if (doc->folded_hash.size() == doc->tokens.size()) return;
  FillFoldedHashes(doc);
  for (Token& t : doc->tokens) {
    t.capitals = false;
    for (uint32_t k = t.start; k < t.end; ++k) t.capitals |= IsAsciiUpper(doc->text[k]);
  }
}

}  // namespace presslens
