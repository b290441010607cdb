#include "quotes.h"

#include <algorithm>
#include <string_view>

#include "condemnation_lexicon.h"

namespace presslens {
namespace {

enum class Role { kOpen, kClose, kEither, kNone };
enum Level { kDouble = 0, kSingle = 1 };

struct MarkInfo {
  Role role;
  Level level;
  bool low = false;  // „ or ‚: closed by “ / ‘ (German style) as well as by ” / ’
};

MarkInfo Classify(std::string_view m) {
  if (m == "\xE2\x80\x9C" || m == "\xC2\xAB" || m == "\xE2\x80\x9F")
    return {Role::kOpen, kDouble};  // “ « ‟
  if (m == "\xE2\x80\x9E") return {Role::kOpen, kDouble, true};      // „
  if (m == "\xE2\x80\x9D" || m == "\xC2\xBB") return {Role::kClose, kDouble};  // ” »
  if (m == "\"" || m == "''") return {Role::kEither, kDouble};
  if (m == "\xE2\x80\x98" || m == "\xE2\x80\xB9" || m == "\xE2\x80\x9B")
    return {Role::kOpen, kSingle};  // ‘ ‹ ‛
  if (m == "\xE2\x80\x9A") return {Role::kOpen, kSingle, true};      // ‚
  if (m == "\xE2\x80\xBA") return {Role::kClose, kSingle};           // ›
  if (m == "'" || m == "\xE2\x80\x99") return {Role::kEither, kSingle};
  return {Role::kNone, kDouble};
}

bool IsWordLike(const Token& t) {
  return t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber ||
         t.kind == TokenKind::kClitic;
}

// w (lower-case) is a word of data/en/function-words.txt [quote-clause-opener].
bool IsQuoteClauseOpener(std::string_view w) {
  static const WordHashSet* kWords = new WordHashSet(CueLexicon::ListWords("quote-clause-opener"));
  return kWords->Has(w);
}

}  // namespace

QuoteFinder::QuoteFinder() = default;

bool QuoteStartsClause(const Document& doc, const QuoteSpan& q) {
  const auto& tokens = doc.tokens;
  const int o = q.open_token;
  // Skip a bracket or dash between the sentence start and the mark.
  int p = o - 1;
  while (p >= 0 && !tokens[p + 1].newline_before &&
         (doc.TokenText(p) == "(" || doc.TokenText(p) == "--" || doc.TokenText(p) == "-"))
    --p;
  if (p < 0 || tokens[p + 1].newline_before) return true;
  if (tokens[o].sentence >= 0 && doc.sentences[tokens[o].sentence].first > p) return true;
  if (q.first >= q.last) return false;
  const Token& first = tokens[q.first];
  std::string_view prev = doc.TokenText(p);
  bool clause_start = first.upper_initial || first.kind == TokenKind::kQuote ||
                      doc.TokenText(q.first) == "(" || doc.TokenText(q.first) == "..." ||
                      IsQuoteClauseOpener(doc.LowerTokenText(q.first));
  if (prev == ":") return true;
  // After a full stop the splitter did not take as a sentence end ("Warner Bros. "How ...").
  if ((prev == "." || prev == "!" || prev == "?") && clause_start) return true;
  if ((prev == "that" || prev == "That") && clause_start) return true;
  return false;
}

namespace {

// QuoteFinder::Run's stack of open marks. The loop over every token calls it for quote marks
// only.
class Pairer {
 public:
  explicit Pairer(Document* doc)
      : doc_(*doc), tokens_(doc->tokens), n_(static_cast<int>(doc->tokens.size())) {}

  // Quotes do not cross line breaks: whatever is open ends with its line (token i starts one).
  void EndLine(int i) {
    while (!stack_.empty()) CloseUnterminated(i);
  }
  PRESSLENS_OUT_OF_LINE void Mark(int i);
  // Two single marks with nothing between them (tokens i and i + 1) written for one double
  // mark: "‘’Should we?’’ says Saleh", "“There is no business here,’’ says an official".
  PRESSLENS_OUT_OF_LINE void DoubledMark(int i);
  // An opening single mark at token i that is no quote-mark token (the grave accent of `text').
  void OpenSingle(int i) {
    stack_.push_back({i, kSingle, false});
    ++open_count_[kSingle];
  }
  // Tokens i and i + 1 are such a pair.
  bool Doubled(int i) const {
    if (i + 1 >= n_ || tokens_[i + 1].kind != TokenKind::kQuote || tokens_[i + 1].space_before)
      return false;
    const std::string_view a = doc_.TokenText(i), b = doc_.TokenText(i + 1);
    const auto curly_single = [](std::string_view m) {
      return m == "\xE2\x80\x98" || m == "\xE2\x80\x99";  // ‘ ’
    };
    return curly_single(a) && curly_single(b);
  }

 private:
  struct Open {
    int token;
    Level level;
    bool low;
  };

  void Add(int open, int close, int last, uint32_t end) {
    QuoteSpan q;
    q.open_token = open;
    q.close_token = close;
    q.start = tokens_[open].end;
    q.end = std::max(end, q.start);
    q.first = open + 1;
    q.last = std::max(last, q.first);
    doc_.quote_spans.push_back(q);
  }
  void Pop() {
    --open_count_[stack_.back().level];
    stack_.pop_back();
  }
  // An unterminated quote ends at the last token before `limit` (the next opening mark or the
  // first token of the next line).
  void CloseUnterminated(int limit) {
    const Open& o = stack_.back();
    int last = limit - 1;
    Add(o.token, -1, limit, last > o.token ? tokens_[last].end : tokens_[o.token].end);
    Pop();
  }

  Document& doc_;
  const std::vector<Token>& tokens_;
  const int n_;
  std::vector<Open> stack_;
  int open_count_[2] = {0, 0};  // open marks per level: no stack scan per mark
};

// Pairs the quote mark at token i with the marks before it.
void Pairer::Mark(int i) {
  const MarkInfo m = Classify(doc_.TokenText(i));
  if (m.role == Role::kNone) return;
  const bool space_before = tokens_[i].space_before;
  const bool space_after = i + 1 >= n_ || tokens_[i + 1].space_before;
  const bool prev_word = i > 0 && !space_before && IsWordLike(tokens_[i - 1]);
  const bool next_word = i + 1 < n_ && !space_after && IsWordLike(tokens_[i + 1]);
  const bool sentence_start = tokens_[i].sentence >= 0 &&
                              doc_.sentences[tokens_[i].sentence].first == i;
  Role role = m.role;
  // „text“: a “ attached to the word before it closes an open „.
  if (role == Role::kOpen && m.level == kDouble && !stack_.empty() && stack_.back().low &&
      stack_.back().level == kDouble && !space_before && doc_.TokenText(i) == "\xE2\x80\x9C")
    role = Role::kClose;
  if (role == Role::kOpen && m.level == kSingle && !stack_.empty() && stack_.back().low &&
      stack_.back().level == kSingle && !space_before && doc_.TokenText(i) == "\xE2\x80\x98")
    role = Role::kClose;
  // "Apparently not,“ he said": an opening mark attached to the word or punctuation before it
  // and followed by a space closes the open double quote (a typo for ”).
  if (role == Role::kOpen && m.level == kDouble && !m.low && open_count_[kDouble] > 0 &&
      !space_before && space_after && i > 0 && doc_.TokenText(i) == "\xE2\x80\x9C")
    role = Role::kClose;
  // »text« (German, Danish): a » that opens, closed by «.
  const bool guillemet_open = doc_.TokenText(i) == "\xC2\xBB";
  const bool guillemet_close = doc_.TokenText(i) == "\xC2\xAB";
  if (guillemet_open && open_count_[kDouble] == 0 && !space_after && space_before)
    role = Role::kOpen;
  if (guillemet_close && !stack_.empty() && stack_.back().level == kDouble &&
      doc_.TokenText(stack_.back().token) == "\xC2\xBB" && !space_before)
    role = Role::kClose;
  if (role == Role::kEither && m.level == kSingle) {
    if (prev_word && next_word) return;  // inside a word: 20's, rock'n'roll
    if (space_before && next_word && tokens_[i + 1].kind == TokenKind::kNumber) return;  // ’90s
    if (!space_before) {
      // Attached to what precedes it: a closing mark if a single quote is open, else an
      // apostrophe (Collins’).
      if (open_count_[kSingle] == 0) return;
      role = Role::kClose;
    } else if (next_word || !space_after) {
      role = Role::kOpen;
    } else {
      return;  // a lone mark between spaces
    }
  } else if (role == Role::kEither) {  // straight double quote
    // After a full stop the sentence splitter did not take as a sentence end ("Bros.").
    const bool after_stop = i > 0 && space_before && !space_after &&
                            (doc_.TokenText(i - 1) == "." || doc_.TokenText(i - 1) == "!" ||
                             doc_.TokenText(i - 1) == "?");
    if ((sentence_start || after_stop) && !space_after) {
      // Newswire: a quote re-opens at each paragraph/sentence without closing the previous one.
      role = Role::kOpen;
    } else if (open_count_[kDouble] > 0) {
      role = Role::kClose;
    } else {
      role = Role::kOpen;
    }
  }
  if (role == Role::kOpen) {
    if (m.level == kDouble) {
      // A new double quote while one is open at the top: that one was never closed.
      while (!stack_.empty() && stack_.back().level == kDouble) CloseUnterminated(i);
    }
    stack_.push_back({i, m.level, m.low});
    ++open_count_[m.level];
    return;
  }
  // Close the innermost open quote of this level; quotes opened inside it end before it.
  if (open_count_[m.level] == 0) return;
  while (stack_.back().level != m.level) CloseUnterminated(i);
  Add(stack_.back().token, i, i, tokens_[i].start);
  Pop();
}

void Pairer::DoubledMark(int i) {
  const int j = i + 1;
  const bool opening_form = doc_.TokenText(i) == "\xE2\x80\x98";  // ‘‘ or ‘’
  const bool space_after = j + 1 >= n_ || tokens_[j + 1].space_before;
  if (opening_form || (open_count_[kDouble] == 0 && !space_after)) {
    while (!stack_.empty() && stack_.back().level == kDouble) CloseUnterminated(i);
    stack_.push_back({j, kDouble, false});
    ++open_count_[kDouble];
    return;
  }
  if (open_count_[kDouble] == 0) return;
  while (stack_.back().level != kDouble) CloseUnterminated(i);
  Add(stack_.back().token, j, i, tokens_[i].start);
  Pop();
}

// QuoteFinder::Run after the marks are paired: spans in text order, nesting and a first reading.
PRESSLENS_OUT_OF_LINE void SortAndFlag(Document* doc) {
  auto& spans = doc->quote_spans;
  std::sort(spans.begin(), spans.end(), [](const QuoteSpan& a, const QuoteSpan& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  uint32_t outer_end = 0;
  bool have_outer = false;
  for (QuoteSpan& q : spans) {
    q.nested = have_outer && q.start < outer_end;
    if (q.nested) continue;
    outer_end = std::max(q.end, q.start + 1);
    have_outer = true;
    q.starts_clause = QuoteStartsClause(*doc, q);
  }
}

}  // namespace

void QuoteFinder::Run(Document* doc) const {
  const auto& tokens = doc->tokens;
  const int n = static_cast<int>(tokens.size());
  doc->quote_spans.clear();
  Pairer pairer(doc);
  for (int i = 0; i < n; ++i) {
    if (i > 0 && tokens[i].newline_before) pairer.EndLine(i);
    // `text': a grave accent opening a word is an opening single mark.
    if (tokens[i].kind == TokenKind::kPunct && doc->TokenText(i) == "`" &&
        i + 1 < n && !tokens[i + 1].space_before && tokens[i + 1].kind != TokenKind::kPunct) {
      pairer.OpenSingle(i);
      continue;
    }
    if (tokens[i].kind != TokenKind::kQuote) continue;
    if (pairer.Doubled(i)) {
      pairer.DoubledMark(i);
      ++i;
      continue;
    }
    pairer.Mark(i);
  }
  pairer.EndLine(n);
  SortAndFlag(doc);
}

}  // namespace presslens
