#include "syntax/parse.h"

#include "syntax/pos_tagger.h"

namespace presslens {
namespace syntax {
namespace {

bool IsLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

bool IsCannot(std::string_view w) {
  if (w.size() != 6) return false;
  static constexpr char kLower[] = "cannot";
  for (int i = 0; i < 6; ++i)
    if ((w[i] | 0x20) != kLower[i]) return false;
  return true;
}

// Appends the UD words of one core token.
void AddWords(std::string_view text, uint32_t start, int token, TokenKind kind, Parse* out) {
  auto add = [&](size_t b, size_t e) {
    out->text.push_back(text.substr(b, e - b));
    out->start.push_back(start + static_cast<uint32_t>(b));
    out->end.push_back(start + static_cast<uint32_t>(e));
    out->token.push_back(token);
  };
  if (kind != TokenKind::kWord) {
    add(0, text.size());
    return;
  }
  if (IsCannot(text)) {
    add(0, 3);
    add(3, 6);
    return;
  }
  size_t b = 0;
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == '-' && IsLetter(text[i - 1]) && IsLetter(text[i + 1])) {
      add(b, i);
      add(i, i + 1);
      b = i + 1;
    }
  }
  add(b, text.size());
}

void Run(const SyntaxModel& model, Parse* out) {
  out->model = &model;
  SentenceWords w;
  w.Compute(out->text);
  TagSentence(model, w, &out->tag, &out->upos_tag);
  ParseTags(model, w, out->tag, &out->tree);
}

}  // namespace

std::vector<int> Parse::Children(int i) const {
  std::vector<int> c;
  for (int k = 0; k < size(); ++k)
    if (tree.head[k] == i) c.push_back(k);
  return c;
}

void Parser::ParseWords(const std::vector<std::string_view>& words, Parse* out) const {
  *out = Parse();
  out->text = words;
  if (ready() && !words.empty()) Run(*model_, out);
}

void Parser::ParseSentence(const Document& doc, int s, Parse* out) const {
  *out = Parse();
  const Sentence& sentence = doc.sentences[s];
  for (int t = sentence.first; t < sentence.last; ++t)
    AddWords(doc.TokenText(t), doc.tokens[t].start, t, doc.tokens[t].kind, out);
  if (ready() && out->size() > 0) Run(*model_, out);
}

const Parse& DocumentParses::Sentence(int s) {
  if (!parses_[s]) {
    parses_[s] = std::make_unique<Parse>();
    parser_->ParseSentence(*doc_, s, parses_[s].get());
    ++parsed_;
  }
  return *parses_[s];
}

}  // namespace syntax
}  // namespace presslens
