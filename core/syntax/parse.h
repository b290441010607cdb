// The syntactic layer's entry point: a sentence of the core's tokens, tagged and parsed.
//
// The core's tokens are mapped to the words of Universal Dependencies first: the tokenizer
// already splits clitics as UD does ("don't" -> "do" "n't", "Trump's" -> "Trump" "'s"); a
// hyphenated word is split at its hyphens ("Kurdish-led" -> "Kurdish" "-" "led") and
// "cannot" into "can" "not". A dateline that opens a sentence ("WASHINGTON (Reuters) -") is
// parsed apart and attached to the sentence's root as parataxis. Parsing is lazy:
// DocumentParses parses a sentence the first time a stage asks for it.
#ifndef PRESSLENS_SYNTAX_PARSE_H_
#define PRESSLENS_SYNTAX_PARSE_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "document.h"
#include "syntax/dependency_parser.h"
#include "syntax/syntax_model.h"

namespace presslens {
namespace syntax {

// A tagged and parsed sentence. Words are indexed from 0; head -1 is the root.
struct Parse {
  const SyntaxModel* model = nullptr;
  std::vector<std::string_view> text;  // each word's text
  std::vector<uint32_t> start, end;    // byte offsets of each word in the document's text
  std::vector<int> token;              // the core token each word comes from (-1 without one)
  std::vector<int> tag;                // index into model->tags() (UPOS/XPOS pairs)
  std::vector<int> upos_tag;           // index into model->upos()
  Tree tree;

  int size() const { return static_cast<int>(text.size()); }
  int head(int i) const { return tree.head[i]; }
  std::string_view upos(int i) const { return model->upos()[upos_tag[i]]; }
  std::string_view xpos(int i) const { return model->xpos()[tag[i]]; }
  std::string_view deprel(int i) const { return model->labels()[tree.label[i]]; }
  // The words whose head is i, in order.
  std::vector<int> Children(int i) const;
};

class Parser {
 public:
  // `beam`: the parser's beam width (0: the model's; 1: greedy decoding).
  explicit Parser(const SyntaxModel* model, int beam = 0) : model_(model), beam_(beam) {}
  bool ready() const { return model_ && !model_->empty(); }
  // Tags and parses a sentence given as words (start, end and token are left empty).
  void ParseWords(const std::vector<std::string_view>& words, Parse* out) const;
  // Tags and parses sentence `s` of a tokenized document.
  void ParseSentence(const Document& doc, int s, Parse* out) const;

 private:
  const SyntaxModel* model_;
  int beam_;
};

// The parses of a document's sentences, each made on first request.
class DocumentParses {
 public:
  DocumentParses(const Parser* parser, const Document* doc)
      : parser_(parser), doc_(doc), parses_(doc->sentences.size()) {}
  const Parse& Sentence(int s);
  int parsed() const { return parsed_; }  // how many sentences have been parsed

 private:
  const Parser* parser_;
  const Document* doc_;
  std::vector<std::unique_ptr<Parse>> parses_;
  int parsed_ = 0;
};

}  // namespace syntax
}  // namespace presslens

#endif  // PRESSLENS_SYNTAX_PARSE_H_
