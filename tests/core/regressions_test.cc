// Inputs the fuzzer (tests/fuzz/analyze_fuzzer.cc, scripts/fuzz.sh) found, pinned as tests named
// after what they pin. Each test keeps the smallest input that showed the problem.
#include <gtest/gtest.h>

#include <string>

#include "offsets.h"
#include "presslens/presslens.h"
#include "test_util.h"

namespace presslens {
namespace {

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    int len = Utf8SequenceLength(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

// Fuzzer finding (seed tests/fuzz/corpus/invalid-utf8): invalid UTF-8 bytes inside a name were
// copied raw into the entity's "name" in ToJson, so the JSON was not UTF-8. The contract is
// that invalid bytes read as U+FFFD. DISABLED_ until core/json.cc replaces invalid sequences
// with U+FFFD when writing strings (reported to the lead); scripts/fuzz.sh fails on it too.
TEST(Regressions, DISABLED_ToJsonIsUtf8WhenANameHasInvalidBytes) {
  const std::string texts[] = {
      "Foreign Minister Wang \xa0\xa1 Yi said: \xe2\x80\x9cWe condemn the attack.\xe2\x80\x9d",
      "Foreign Minister \xc3\x28 Wang \xa0\xa1 Yi said: \"ok\"",
      "Minister Wang\xff Yi said \"no\".",
  };
  for (const std::string& text : texts) {
    std::string json = ToJson(SharedAnalyzer().Analyze(text), text);
    EXPECT_TRUE(IsValidUtf8(json)) << json;
  }
}

}  // namespace
}  // namespace presslens
