#include "offsets.h"

#include <gtest/gtest.h>

#include "presslens/presslens.h"

namespace presslens {
namespace {

TEST(Offsets, Utf16IndicesOfUtf8Positions) {
  // "a" (1 byte) "é" (2) "北" (3) "😀" (4 bytes, 2 units) "b"
  std::string text = "a\xC3\xA9\xE5\x8C\x97\xF0\x9F\x98\x80" "b";
  std::vector<uint32_t> offsets = {11, 0, 1, 3, 6, 10};
  Utf8ToUtf16Offsets(text, &offsets);
  EXPECT_EQ(offsets, (std::vector<uint32_t>{6, 0, 1, 2, 3, 5}));
}

TEST(Offsets, InvalidBytesCountOneUnitEach) {
  std::string text = "\xff\xfe" "a\xE5\x8C";  // two bad bytes, 'a', a truncated sequence
  std::vector<uint32_t> offsets = {2, 3, 5};
  Utf8ToUtf16Offsets(text, &offsets);
  EXPECT_EQ(offsets, (std::vector<uint32_t>{2, 3, 5}));
}

TEST(Json, OffsetsAreUtf16AndSchemaIsNamed) {
  Analyzer analyzer;
  std::string text = "😀 Russia condemned the sanctions.";
  std::string json = ToJson(analyzer.Analyze(text), text);
  EXPECT_NE(json.find("\"schema\":\"presslens/1\""), std::string::npos);
  // "Russia" starts at byte 5, UTF-16 index 3.
  EXPECT_NE(json.find("\"name\":\"Russia\",\"mentions\":[{\"start\":3,\"end\":9}]"),
            std::string::npos) << json;
}

}  // namespace
}  // namespace presslens
