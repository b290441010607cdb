// Helpers shared by the core tests.
#ifndef PRESSLENS_TESTS_TEST_UTIL_H_
#define PRESSLENS_TESTS_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>

#include "presslens/presslens.h"
#include "tokens.h"

namespace presslens {

inline std::string Text(std::string_view text, Span s) {
  return std::string(text.substr(s.start, s.end - s.start));
}

// The sample article from ../shared/data, or "" when it is absent (tests then skip).
inline std::string SeedArticle() {
  std::ifstream in(PRESSLENS_SHARED_DATA "/seed-article.txt", std::ios::binary);
  if (!in) return "";
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Reported speech (kind indirect or mixed, attribution.h), which the tests of quotation marks
// and of direct quotes' speakers leave aside.
inline bool IsReported(const Quote& q) { return q.kind == "indirect" || q.kind == "mixed"; }

// One analyzer for all tests: building it compiles every pattern and table.
inline const Analyzer& SharedAnalyzer() {
  static const Analyzer* analyzer = new Analyzer();
  return *analyzer;
}

// The text tokenized and split into sentences (the first stage alone), for tests of the
// stages that read tokens.
inline Document Tokenized(const std::string& text) {
  static const Tokenizer* tokenizer = new Tokenizer();
  Document doc;
  doc.text = text;
  tokenizer->Run(&doc);
  return doc;
}

}  // namespace presslens

#endif  // PRESSLENS_TESTS_TEST_UTIL_H_
