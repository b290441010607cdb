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

// Every byte position, inside sequences too, against a plain count; in mostly-ASCII text
// (few sequences: binary search) and in text of many sequences (the sorted pass).
TEST(Offsets, BothWaysAgreeWithAPlainCount) {
  auto plain = [](const std::string& text, uint32_t b) {
    uint32_t unit = 0;
    for (size_t i = 0; i < text.size();) {
      int len = Utf8SequenceLength(text, i);
      if (len == 0) len = 1;
      if (i + len > b) break;
      i += len;
      unit += len == 4 ? 2 : 1;
    }
    return unit;
  };
  std::string piece = "Kiev \xE2\x80\x94 \xF0\x9F\x98\x80\xC3\xA9\xff\xE5\x8C\x97 x";
  std::string few = piece + std::string(200, 'a') + piece;
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "\xE5\x8C\x97\xC3\xA9";
  many += piece;
  for (const std::string& text : {few, many}) {
    std::vector<uint32_t> offsets, expected;
    for (uint32_t b = 0; b <= text.size(); b += text.size() > 1000 ? 7 : 1) {
      offsets.push_back(b);
      expected.push_back(plain(text, b));
    }
    Utf8ToUtf16Offsets(text, &offsets);
    EXPECT_EQ(offsets, expected) << text.size();
  }
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
