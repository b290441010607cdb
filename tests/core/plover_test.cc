// PLOVER readings: every CAMEO code a condemnation cue can give has one (data/plover.tsv), and
// condemnations carry the reading of their code; denials (CAMEO 016) have none.
#include <gtest/gtest.h>

#include <string>

#include "condemnation_lexicon.h"
#include "plover.h"
#include "presslens/presslens.h"
#include "test_util.h"

namespace presslens {
namespace {

TEST(Plover, EveryLexiconCodeHasAReading) {
  int codes = 0;
  for (const CueEntry& e : CueLexicon::kData.entries) {
    if (e.deny) {
      EXPECT_TRUE(PloverReading(e.cameo).event.empty()) << "CAMEO " << e.cameo;
      continue;
    }
    EXPECT_FALSE(PloverReading(e.cameo).event.empty())
        << "CAMEO " << e.cameo << " (" << e.lemma << ")";
    ++codes;
  }
  for (const auto& t : CueLexicon::kData.topics) {
    EXPECT_EQ(PloverReading(t.code).event, "ACCUSE") << "CAMEO " << t.code;
    ++codes;
  }
  EXPECT_GT(codes, 0);
}

TEST(Plover, CrosswalkRows) {
  EXPECT_EQ(PloverReading("111").event, "ACCUSE");
  EXPECT_EQ(PloverReading("111").mode, "disapprove");
  EXPECT_EQ(PloverReading("1124").mode, "disapprove");
  EXPECT_EQ(PloverReading("141").event, "PROTEST");
  EXPECT_EQ(PloverReading("141").mode, "demo");
  EXPECT_EQ(PloverReading("140").event, "PROTEST");
  EXPECT_EQ(PloverReading("140").mode, "");
  EXPECT_EQ(PloverReading("051").event, "");  // praise: no condemnation, no row
  EXPECT_EQ(PloverReading("").event, "");
}

struct Case {
  const char* text;
  const char* cameo;
  const char* event;
  const char* mode;
};

TEST(Plover, CondemnationsCarryTheReadingOfTheirCode) {
  const Case cases[] = {
      {"The foreign minister condemned the attack on Monday.", "111", "ACCUSE", "disapprove"},
      {"The opposition accused the mayor of corruption.", "1121", "ACCUSE", "disapprove"},
      {"Thousands of farmers marched against the new quota in Paris.", "141", "PROTEST", "demo"},
  };
  for (const Case& c : cases) {
    const Result r = SharedAnalyzer().Analyze(c.text);
    ASSERT_EQ(r.condemnations.size(), 1u) << c.text;
    const Condemnation& f = r.condemnations[0];
    EXPECT_EQ(f.cue.cameo, c.cameo) << c.text;
    EXPECT_EQ(f.plover.event, c.event) << c.text;
    EXPECT_EQ(f.plover.mode, c.mode) << c.text;
  }
}

}  // namespace
}  // namespace presslens
