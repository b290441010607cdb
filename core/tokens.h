// Token and sentence segmentation (RE2).
#ifndef PRESSLENS_TOKENS_H_
#define PRESSLENS_TOKENS_H_

#include <memory>

#include "document.h"

namespace presslens {

class Tokenizer {
 public:
  Tokenizer();
  ~Tokenizer();
  // Fills doc->tokens and doc->sentences from doc->text.
  void Run(Document* doc) const;

 private:
  void FindSentences(Document* doc) const;
  struct Patterns;
  std::unique_ptr<Patterns> patterns_;
};

// Fills doc->lower_text, doc->folded_hash and the tokens' `capitals` from doc->text and
// doc->tokens unless they are already filled (Tokenizer::Run does it). Later stages call it in
// case a test built the tokens by hand.
void FillLowerCase(Document* doc);

// True when `a` and `b` are equal up to ASCII case ("Never" and "never").
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace presslens

#endif  // PRESSLENS_TOKENS_H_
