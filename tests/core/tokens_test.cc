#include "tokens.h"

#include "gazetteer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace presslens {
namespace {

std::vector<std::string> Tokens(const std::string& text) {
  static const Tokenizer tokenizer;
  Document doc;
  doc.text = text;
  tokenizer.Run(&doc);
  std::vector<std::string> out;
  for (size_t i = 0; i < doc.tokens.size(); ++i) out.emplace_back(doc.TokenText(i));
  return out;
}

std::vector<std::string> Sentences(const std::string& text) {
  static const Tokenizer tokenizer;
  Document doc;
  doc.text = text;
  tokenizer.Run(&doc);
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.SpanText(s.start, s.end));
  return out;
}

using V = std::vector<std::string>;

TEST(Tokens, WordsPunctuationAndClitics) {
  EXPECT_EQ(Tokens("Russia’s minister didn't go."),
            (V{"Russia", "’s", "minister", "did", "n't", "go", "."}));
  EXPECT_EQ(Tokens("O'Neill, U.S. and Kurdish-led"),
            (V{"O'Neill", ",", "U.S.", "and", "Kurdish-led"}));
}

TEST(Tokens, NumbersAndQuoteMarks) {
  EXPECT_EQ(Tokens("On 1996-08-30, 10,000 “fled”"),
            (V{"On", "1996-08-30", ",", "10,000", "“", "fled", "”"}));
}

// Two apostrophes are one double quote mark (newswire archives); one is a single mark.
TEST(Tokens, TwoApostrophesAreOneMark) {
  EXPECT_EQ(Tokens("''So,'' he said. 'No'"),
            (V{"''", "So", ",", "''", "he", "said", ".", "'", "No", "'"}));
}

TEST(Tokens, NonAsciiLettersAndInvalidBytes) {
  EXPECT_EQ(Tokens("Zürich \xff café 北京"), (V{"Zürich", "café", "北京"}));
  EXPECT_TRUE(Tokens("").empty());
  EXPECT_TRUE(Tokens(" \n\t ").empty());
}

TEST(Tokens, GeneralPunctuationAndNoBreakSpaces) {
  // Dashes, ellipsis and bullets are punctuation; the no-break, em and thin spaces are spaces.
  EXPECT_EQ(Tokens("Kiev\u00A0\u2014 a\u2003city\u2026 \u2022 \u201Cyes\u201D\u202Fno"),
            (V{"Kiev", "\u2014", "a", "city", "\u2026", "\u2022", "\u201C", "yes", "\u201D", "no"}));
  EXPECT_EQ(Tokens("1996\u2013 boys\u2019\u201D well-\u2014"),
            (V{"1996", "\u2013", "boys", "\u2019", "\u201D", "well", "-", "\u2014"}));
  // A line break after a no-break space, or a line separator, still ends the line.
  EXPECT_EQ(Sentences("BONN 1996-08-31\u00A0\nBody text"), (V{"BONN 1996-08-31", "Body text"}));
  EXPECT_EQ(Sentences("BONN 1996-08-31\u2028Body text"), (V{"BONN 1996-08-31", "Body text"}));
  EXPECT_EQ(Sentences("BONN 1996-08-31\u3000\nBody text"), (V{"BONN 1996-08-31", "Body text"}));
}

TEST(Sentences, PeriodsAbbreviationsAndLines) {
  EXPECT_EQ(Sentences("Mr. Putin spoke. He left! Then J. Smith came"),
            (V{"Mr. Putin spoke.", "He left!", "Then J. Smith came"}));
  EXPECT_EQ(Sentences("HEADLINE HERE\nBONN 1996-08-31\nBody text."),
            (V{"HEADLINE HERE", "BONN 1996-08-31", "Body text."}));
  EXPECT_EQ(Sentences("\"It is over.\" He said so."), (V{"\"It is over.\"", "He said so."}));
}

// The tokenizer hashes each token's lower-case form while scanning it; the later stages rely
// on these hashes, the lower-case text and `capitals` matching the plain definitions.
TEST(Tokens, LowerCaseTextHashesAndCapitals) {
  static const Tokenizer tokenizer;
  const std::string text =
      "Russia’s DON'T don’t O'Neill U.S. ÜBER Zürich café \xff 1990s 10,000 5€ “Q” ‘x’ — "
      "Kurdish-led rock&Roll iPhone X.Y.Z. ... … (a) said”, Kiev— 1996– Ölçek ⅷ ² \n\t\r";
  Document doc;
  doc.text = text;
  tokenizer.Run(&doc);
  ASSERT_EQ(doc.lower_text, Lower(text));
  ASSERT_EQ(doc.folded_hash.size(), doc.tokens.size());
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    std::string_view w = doc.TokenText(static_cast<int>(i));
    EXPECT_EQ(doc.folded_hash[i], Hash(kHashSeed, w, true)) << w;
    EXPECT_EQ(doc.tokens[i].capitals, Lower(w) != w) << w;
    EXPECT_EQ(doc.LowerTokenText(static_cast<int>(i)), Lower(w));
  }
  // A document whose tokens were not made by the tokenizer gets the same from FillLowerCase.
  Document copy;
  copy.text = text;
  copy.tokens = doc.tokens;
  for (Token& t : copy.tokens) t.capitals = false;
  FillLowerCase(&copy);
  EXPECT_EQ(copy.lower_text, doc.lower_text);
  EXPECT_EQ(copy.folded_hash, doc.folded_hash);
  for (size_t i = 0; i < doc.tokens.size(); ++i)
    EXPECT_EQ(copy.tokens[i].capitals, doc.tokens[i].capitals);
}

TEST(Sentences, AtMostMaxSentences) {
  static const Tokenizer tokenizer;
  std::string text;
  for (int i = 0; i < kMaxSentences + 2; ++i) text += "a\n";
  Document doc;
  doc.text = text;
  tokenizer.Run(&doc);
  ASSERT_EQ(doc.sentences.size(), static_cast<size_t>(kMaxSentences));
  EXPECT_EQ(doc.sentences.back().last - doc.sentences.back().first, 3);
  EXPECT_EQ(doc.tokens.back().sentence, kMaxSentences - 1);
  EXPECT_EQ(doc.tokens[kMaxSentences - 2].sentence, kMaxSentences - 2);
}

}  // namespace
}  // namespace presslens
