// The word lists of data/en/function-words.txt that the speaker, entity and condemnation passes
// read by name: each is generated (registered in FUNCTION_LISTS of scripts/gen-lexicons.mjs) and
// holds the words its rule compares. A list name that is not generated reads as an empty list,
// so a missing registration fails here rather than silently turning a rule off.
#include <gtest/gtest.h>

#include "condemnation_lexicon.h"

namespace presslens {
namespace {

const CueLexicon& Lexicon() {
  static const CueLexicon* lex = new CueLexicon();
  return *lex;
}

TEST(FunctionWords, ListsOfThePassesAreGenerated) {
  const struct {
    const char* list;
    const char* word;
  } kCases[] = {
      {"definite-article", "the"},        // "spokesman of the INC"
      {"genitive-preposition", "of"},     // "Tom Bellamore of the California group"
      {"additive-conjunction", "and"},    // "Lavrov and Wang"
      {"predicative-as", "as"},           // "quoted Garrett as saying"
      {"expletive-subject", "there"},     // a quote opening "there is ..."
      {"label-preposition", "from"},      // From the report: "..."
      {"article", "an"},                  // "an [Associated Press] reporter"
      {"geographic-feature", "river"},    // "the Jordan River": LOC
      {"event-word", "olympics"},         // "the Winter Olympics": EVENT
      {"honorific", "Mr."},               // no title
      {"condition-conjunction", "unless"},  // "may criticise the plan unless ..."
      {"actor-and", "&"},                   // "A & B"
      {"source-preposition", "from"},       // "drew criticism from Y"
      {"reason-preposition", "over"},       // "came under fire over X"
      {"refusal-preposition", "from"},      // "refrained from attacking"
      {"noun-coordinator", "or"},           // "a protest or disapproval of X"
      {"clause-coordinator", "but"},        // "... but denounced X"
      {"possessive-pronoun", "our"},        // "our opposition"
      {"agent-preposition", "by"},          // "condemned by the council"
      {"demonstrative-pronoun", "this"},    // "This has drawn protests from X"
      {"anticipatory-it", "it"},            // "it is alleged that ..."
      {"provoked-preposition", "among"},    // "prompted outrage among conservatives"
      {"quote-clause-opener", "these"},     // ... that "these are ..."
  };
  for (const auto& c : kCases) {
    EXPECT_GT(Lexicon().List(c.list).size(), 0u) << c.list;
    EXPECT_TRUE(Lexicon().In(c.list, c.word)) << c.list << ": " << c.word;
  }
}

TEST(FunctionWords, ConditionsAndActorJoinsAreTheirOwnLists) {
  EXPECT_FALSE(Lexicon().In("condition-conjunction", "whether"));  // a deliberation, no condition
  EXPECT_FALSE(Lexicon().In("actor-and", "or"));
}

TEST(FunctionWords, HonorificsAreExactSpellings) {
  EXPECT_TRUE(Lexicon().In("honorific", "Mrs"));
  EXPECT_FALSE(Lexicon().In("honorific", "mrs"));
  EXPECT_FALSE(Lexicon().In("honorific", "Dr."));
}

}  // namespace
}  // namespace presslens
