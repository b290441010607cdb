// Helpers shared by the condemnation tests: each finding of a text as its cue, source and
// target text.
#ifndef PRESSLENS_TESTS_CONDEMNATION_TEST_UTIL_H_
#define PRESSLENS_TESTS_CONDEMNATION_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "presslens/presslens.h"
#include "test_util.h"

namespace presslens {

struct Found {
  std::string cue, cameo, source, source_span, target;
  bool has_source = false, negated = false;
  int quote = -1;
  std::string rule;
};

inline std::vector<Found> Condemnations(const std::string& text) {
  Result r = SharedAnalyzer().Analyze(text);
  std::vector<Found> out;
  for (const Condemnation& c : r.condemnations) {
    Found f;
    f.cue = Text(text, c.cue.span);
    f.cameo = c.cue.cameo;
    f.has_source = c.has_source;
    if (c.has_source) {
      f.source = c.source.name;
      f.source_span = Text(text, c.source.span);
    }
    f.target = Text(text, c.target.span);
    f.negated = c.negated;
    f.quote = c.quote;
    f.rule = c.rule;
    out.push_back(f);
  }
  return out;
}

// The one finding of `text`; fails the test when there is not exactly one.
inline Found One(const std::string& text) {
  std::vector<Found> all = Condemnations(text);
  EXPECT_EQ(all.size(), 1u) << text;
  return all.empty() ? Found() : all[0];
}

inline void ExpectNone(const std::string& text) {
  std::vector<Found> all = Condemnations(text);
  EXPECT_TRUE(all.empty()) << text << "\n  found: " << (all.empty() ? "" : all[0].cue + " -> " +
                                                                            all[0].target);
}

}  // namespace presslens

#endif  // PRESSLENS_TESTS_CONDEMNATION_TEST_UTIL_H_
