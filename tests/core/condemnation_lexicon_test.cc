// CueLexicon: the word lists the passes ask for by name exist, and an unknown name fails
// loudly instead of reading as an empty list.
#include "condemnation_lexicon.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace presslens {
namespace {

TEST(CueLexicon, ListsAreFoundByName) {
  CueLexicon lex;
  EXPECT_TRUE(lex.In("person-pronoun", "she"));
  EXPECT_FALSE(lex.In("person-pronoun", "they"));
  EXPECT_TRUE(lex.In("refusal", "refused"));  // a verb list, inflected
  EXPECT_TRUE(lex.In("subject-pronoun", "we"));  // a function-word section
}

// Building an Analyzer asks for every list the passes read: a name missing from the data
// aborts here.
TEST(CueLexicon, EveryListTheCoreAsksForExists) {
  Analyzer analyzer;
  EXPECT_FALSE(analyzer.Analyze("She attacked the plan.").condemnations.empty());
}

TEST(CueLexiconDeathTest, UnknownListNameAborts) {
  CueLexicon lex;
  EXPECT_DEATH(lex.List("no-such-list"), "no word list \\[no-such-list\\]");
  EXPECT_DEATH(CueLexicon::ListWords("no-such-list"), "no word list \\[no-such-list\\]");
  EXPECT_EQ(CueLexicon::ListWords("article").size(), 3u);  // the entity pass's lists
}

}  // namespace
}  // namespace presslens
