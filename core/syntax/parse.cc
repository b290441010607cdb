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

// Whether a word has at least two letters and all of them ASCII capitals ("WASHINGTON", "U.S.").
bool AllCapitals(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    letters += c >= 'A' && c <= 'Z';
  }
  return letters >= 2;
}

// "-", "--", an em dash or an en dash.
bool IsDash(std::string_view w) {
  return w == "-" || w == "--" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93";
}

// The number of words of a dateline that opens the sentence, its dash included
// ("WASHINGTON (Reuters) -", "SAN FRANCISCO, Calif. (AP)" and an em dash, "LISBON --"), or 0: a place in
// capitals, then commas, capitalised abbreviations, words in capitals or a part in
// parentheses, then a dash, then at least two words, the first capitalised or a quote mark
// ("NATO - the alliance - met" has no dateline).
int DatelineWords(const std::vector<std::string_view>& words) {
  constexpr int kMaxWords = 10;
  const int n = static_cast<int>(words.size());
  if (n < 4 || !AllCapitals(words[0])) return 0;
  bool in_parens = false;
  for (int k = 1; k < n - 2 && k < kMaxWords; ++k) {
    const std::string_view w = words[k];
    if (in_parens) {
      in_parens = w != ")";
    } else if (w == "(") {
      in_parens = true;
    } else if (IsDash(w)) {
      const std::string_view next = words[k + 1];
      const bool opens = (next[0] >= 'A' && next[0] <= 'Z') || next[0] == '"' ||
                         static_cast<unsigned char>(next[0]) >= 0x80;
      return opens ? k + 1 : 0;
    } else if (!(w == "," || AllCapitals(w) ||
                 (w.size() >= 2 && w[0] >= 'A' && w[0] <= 'Z' && w.back() == '.'))) {
      return 0;
    }
  }
  return 0;
}

// Tags and parses words [first, last) of out->text as a sentence of their own.
void RunPart(const SyntaxModel& model, int beam, int first, int last, Parse* out) {
  const std::vector<std::string_view> words(out->text.begin() + first, out->text.begin() + last);
  SentenceWords w;
  w.Compute(words, &model.classes());
  std::vector<int> tags, upos;
  Tree tree;
  TagSentence(model, w, &tags, &upos);
  ParseTags(model, w, tags, &tree, beam);
  out->tag.insert(out->tag.end(), tags.begin(), tags.end());
  out->upos_tag.insert(out->upos_tag.end(), upos.begin(), upos.end());
  for (size_t i = 0; i < tags.size(); ++i) {
    out->tree.head.push_back(tree.head[i] < 0 ? -1 : tree.head[i] + first);
    out->tree.label.push_back(tree.label[i]);
  }
}

// A dateline is tagged and parsed apart from the sentence it opens (a treebank has few) and
// attached to the sentence's root as parataxis.
void Run(const SyntaxModel& model, int beam, Parse* out) {
  out->model = &model;
  out->tag.clear();
  out->upos_tag.clear();
  out->tree.head.clear();
  out->tree.label.clear();
  const int n = out->size(), dateline = DatelineWords(out->text);
  const int parataxis = model.Label("parataxis");
  if (dateline == 0 || parataxis < 0) {
    RunPart(model, beam, 0, n, out);
    return;
  }
  RunPart(model, beam, 0, dateline, out);
  RunPart(model, beam, dateline, n, out);
  int root = -1, dateline_root = -1;
  for (int i = 0; i < n; ++i)
    if (out->tree.head[i] < 0) (i < dateline ? dateline_root : root) = i;
  out->tree.head[dateline_root] = root;
  out->tree.label[dateline_root] = parataxis;
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
  if (ready() && !words.empty()) Run(*model_, beam_, out);
}

void Parser::ParseSentence(const Document& doc, int s, Parse* out) const {
  *out = Parse();
  const Sentence& sentence = doc.sentences[s];
  for (int t = sentence.first; t < sentence.last; ++t)
    AddWords(doc.TokenText(t), doc.tokens[t].start, t, doc.tokens[t].kind, out);
  if (ready() && out->size() > 0) Run(*model_, beam_, out);
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
