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

// Fuzzer finding (seed tests/fuzz/corpus/invalid-utf8): invalid UTF-8 bytes inside a name or an
// unnamed speaker's description were copied raw into "name" by ToJson, so the JSON was not
// UTF-8 (the contract reads invalid bytes as U+FFFD). Fixed by building names from tokens.
TEST(Regressions, ToJsonIsUtf8WhenANameHasInvalidBytes) {
  const std::string texts[] = {
      "Foreign Minister Wang \xa0\xa1 Yi said: \xe2\x80\x9cWe condemn the attack.\xe2\x80\x9d",
      "Foreign Minister \xc3\x28 Wang \xa0\xa1 Yi said: \"ok\"",
      "Minister Wang\xff Yi said \"no\".",
      "A Foreign \xff Office spokesman said \"no\".",  // the unnamed speaker's description
  };
  for (const std::string& text : texts) {
    std::string json = ToJson(SharedAnalyzer().Analyze(text), text);
    EXPECT_TRUE(IsValidUtf8(json)) << json;
  }
}

// Fuzzer finding (build/fuzz/artifacts/crash-f7bb44c0…): the same through an unnamed
// condemnation source ("Moscow \x9c\x9cForeign Minister blamed ...": the description keeps the
// stray bytes). ToJson (core/json.cc AppendString) writes invalid sequences as U+FFFD, which
// guards every string at once.
TEST(Regressions, ToJsonIsUtf8WhenASourceDescriptionHasStrayBytes) {
  for (const std::string text : {"Moscow \x9c\x9c" "Foreign Minister blamed Kyiv for the attack.",
                                 "The Moscow \x9c" "Foreign Ministry condemned Kyiv."}) {
    std::string json = ToJson(SharedAnalyzer().Analyze(text), text);
    EXPECT_TRUE(IsValidUtf8(json)) << json;
  }
}

// Fuzzer finding (build/fuzz/artifacts/crash-1d1bb277…, minimised by hand): a text that ends
// with an opening quote mark ("He said \"") has a quote with no token inside; the speaker pass
// read the token at the quote's `first` index, one past the last token (core/speakers/rules.cc
// SpeakerPass::Attribute, LowerAt(q.first)): std::out_of_range natively, ERR_INTERNAL in wasm.
TEST(Regressions, TextEndingInAnOpeningQuoteMarkDoesNotCrash) {
  for (const std::string text : {"He said \"", "Lavrov said: \"", "x \"", "\"\"\"",
                                 "He said \xE2\x80\x9C", "\xE2\x80\x9C\xE2\x80\x9C"}) {
    Result r;
    EXPECT_NO_THROW(r = SharedAnalyzer().Analyze(text)) << text;
    for (const Quote& q : r.quotes) EXPECT_LE(q.span.end, text.size()) << text;
  }
}

// Fuzzer finding (build/fuzz/artifacts/crash-56102c41…, minimised by hand; the input is also a
// seed, tests/fuzz/corpus/appositive-at-text-start, so the fuzz gate replays it under UBSan): a
// comma opening the text's first sentence read as the start of an appositive before "said"; the
// speaker pass then asked whether the token before the text was a name (core/speakers/actors.cc
// SpeakerPass::ParseLeft, NameToken(-1)), an out-of-bounds read with no visible effect natively.
TEST(Regressions, AppositiveCommaAtTheStartOfTheTextStaysInBounds) {
  const std::string text = ",This quote never ends, said the spokesman Wang Wenbin";
  Result r = SharedAnalyzer().Analyze(text);
  for (const Quote& q : r.quotes) EXPECT_TRUE(IsReported(q));  // no quotation marks
  ASSERT_EQ(r.entities.size(), 1u);
  EXPECT_EQ(r.entities[0].name, "Wang Wenbin");
}

// Fuzzer finding (build/fuzz/artifacts/crash-6ddab917…; the input is also a seed,
// tests/fuzz/corpus/description-scan-at-text-start, so the fuzz gate replays it under UBSan):
// the speaker pass's scan for "determiner ... noun" before a cue ran off the text's first token
// (SpeakerPass::ParseLeft, SentenceFirst(-1)), an out-of-bounds read with no visible effect
// natively.
TEST(Regressions, DescriptionSpeakerScanAtTheTextStartStaysInBounds) {
  const std::string text =
      "\xed\xa0ly,This \xf1uote n@ever ends, said\x1dthe spokesma\x80\xbd\xed\xed\xb8\x80 Biden "
      "s`aid \"h\x80";
  Result r;
  EXPECT_NO_THROW(r = SharedAnalyzer().Analyze(text));
  for (const Quote& q : r.quotes) EXPECT_LE(q.span.end, text.size());
}

}  // namespace
}  // namespace presslens
