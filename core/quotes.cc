#include "quotes.h"

#include <algorithm>
#include <string_view>

namespace presslens {
namespace {

enum class Mark { kOpen, kClose, kEither, kNone };
enum class Level { kDouble, kSingle };

struct MarkInfo {
  Mark role;
  Level level;
};

MarkInfo Classify(std::string_view m) {
  if (m == "\xE2\x80\x9C" || m == "\xC2\xAB" || m == "\xE2\x80\x9E" || m == "\xE2\x80\x9F")
    return {Mark::kOpen, Level::kDouble};  // “ « „ ‟
  if (m == "\xE2\x80\x9D" || m == "\xC2\xBB") return {Mark::kClose, Level::kDouble};  // ” »
  if (m == "\"") return {Mark::kEither, Level::kDouble};
  if (m == "\xE2\x80\x98" || m == "\xE2\x80\x9A" || m == "\xE2\x80\xB9" || m == "\xE2\x80\x9B")
    return {Mark::kOpen, Level::kSingle};  // ‘ ‚ ‹ ‛
  if (m == "\xE2\x80\xBA") return {Mark::kClose, Level::kSingle};  // ›
  if (m == "'" || m == "\xE2\x80\x99") return {Mark::kEither, Level::kSingle};
  return {Mark::kNone, Level::kDouble};
}

}  // namespace

QuoteFinder::QuoteFinder() = default;

void QuoteFinder::Run(Document* doc) const {
  const auto& tokens = doc->tokens;
  const int n = static_cast<int>(tokens.size());
  struct Open {
    int token;
    Level level;
  };
  std::vector<Open> stack;
  auto& spans = doc->quote_spans;
  spans.clear();

  auto add = [&](int open, int close, uint32_t end) {
    QuoteSpan q;
    q.open_token = open;
    q.close_token = close;
    q.start = tokens[open].end;
    q.end = end;
    q.first = open + 1;
    q.last = close >= 0 ? close : q.first;
    if (close < 0)
      while (q.last < n && tokens[q.last].end <= end) ++q.last;
    if (q.end < q.start) q.end = q.start;
    spans.push_back(q);
  };
  // An unterminated quote ends at the last token before `limit` (the next opening mark or
  // the end of the line).
  auto close_unterminated = [&](const Open& o, int limit) {
    int last = limit - 1;
    add(o.token, -1, last > o.token ? tokens[last].end : tokens[o.token].end);
  };

  for (int i = 0; i < n; ++i) {
    if (i > 0 && tokens[i].newline_before) {
      // Quotes do not cross line breaks: whatever is open ends with its line.
      while (!stack.empty()) {
        close_unterminated(stack.back(), i);
        stack.pop_back();
      }
    }
    if (tokens[i].kind != TokenKind::kQuote) continue;
    MarkInfo m = Classify(doc->TokenText(i));
    bool space_before = tokens[i].space_before;
    bool space_after = i + 1 >= n || tokens[i + 1].space_before;
    bool open_of_level = false;
    for (const Open& o : stack) open_of_level |= o.level == m.level;
    Mark role = m.role;
    if (role == Mark::kEither) {
      if (space_before && !space_after) role = Mark::kOpen;
      else if (!space_before && space_after) role = open_of_level ? Mark::kClose : Mark::kNone;
      else role = open_of_level ? Mark::kClose : Mark::kOpen;
      // A straight double quote at the start of a sentence always opens (Reuters re-opens a
      // quote at each paragraph without closing the previous one).
      if (m.level == Level::kDouble && tokens[i].sentence >= 0 &&
          doc->sentences[tokens[i].sentence].first == i && space_after == false)
        role = Mark::kOpen;
      if (m.level == Level::kSingle && role == Mark::kNone) continue;  // apostrophe: Collins'
    }
    if (role == Mark::kOpen) {
      if (m.level == Level::kDouble) {
        // A new double quote while one is open: the open one was never closed.
        while (!stack.empty() && stack.back().level == Level::kDouble) {
          close_unterminated(stack.back(), i);
          stack.pop_back();
        }
      }
      stack.push_back({i, m.level});
      continue;
    }
    if (role == Mark::kClose) {
      // Close the innermost open quote of this level; anything opened inside it is closed too.
      for (int k = static_cast<int>(stack.size()) - 1; k >= 0; --k) {
        if (stack[k].level != m.level) continue;
        while (static_cast<int>(stack.size()) > k + 1) {
          close_unterminated(stack.back(), i);
          stack.pop_back();
        }
        add(stack[k].token, i, tokens[i].start);
        stack.pop_back();
        break;
      }
    }
  }
  while (!stack.empty()) {
    close_unterminated(stack.back(), n);
    stack.pop_back();
  }

  std::sort(spans.begin(), spans.end(),
            [](const QuoteSpan& a, const QuoteSpan& b) { return a.start < b.start; });
  uint32_t outer_end = 0;
  bool have_outer = false;
  for (QuoteSpan& q : spans) {
    q.nested = have_outer && q.start < outer_end;
    if (!q.nested) {
      outer_end = q.end;
      have_outer = true;
      Quote out;
      out.span = {q.start, q.end};
      out.kind = "direct";
      out.rule = q.close_token < 0 ? "QUOTE_UNTERMINATED" : "QUOTE_PAIRED";
      doc->result.quotes.push_back(out);
    }
  }
}

}  // namespace presslens
