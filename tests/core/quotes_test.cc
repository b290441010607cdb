// Quote marks as they occur in real articles: pairing, nesting, newswire continuation,
// unterminated quotes, apostrophes, and the kind of each quote.
#include "quotes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_util.h"
#include "tokens.h"

namespace presslens {
namespace {

struct Q {
  std::string text, kind;
};

std::vector<Q> Quotes(const std::string& text) {
  Result r = SharedAnalyzer().Analyze(text);
  std::vector<Q> out;
  for (const Quote& q : r.quotes)
    if (!IsReported(q)) out.push_back({Text(text, q.span), q.kind});
  return out;
}

std::vector<std::string> QuoteTexts(const std::string& text) {
  std::vector<std::string> out;
  for (const Q& q : Quotes(text)) out.push_back(q.text);
  return out;
}

using V = std::vector<std::string>;

// Only the quote stage: spans with their nested flag.
std::vector<QuoteSpan> Spans(const std::string& text) {
  static const Tokenizer tokenizer;
  static const QuoteFinder finder;
  Document doc;
  doc.text = text;
  tokenizer.Run(&doc);
  finder.Run(&doc);
  return doc.quote_spans;
}

TEST(QuoteMarks, StraightDouble) {
  EXPECT_EQ(QuoteTexts("He said \"we will win\" and left. \"Yes,\" she said."),
            (V{"we will win", "Yes,"}));
}

TEST(QuoteMarks, CurlyDouble) {
  EXPECT_EQ(QuoteTexts("“We will win,” he said."), (V{"We will win,"}));
}

TEST(QuoteMarks, CurlySingleWithApostropheInside) {
  // The ’ of Russia’s is an apostrophe; the one after "Putin," closes the quote.
  EXPECT_EQ(QuoteTexts("‘China will support Russia’s development under Putin,’ says Wang Yi."),
            (V{"China will support Russia’s development under Putin,"}));
}

// An opening mark typed where a closing one belongs (attached to the quote, a space after)
// closes the open quote; the attribution after it reads the quote.
TEST(QuoteMarks, OpeningMarkTypedAsClosing) {
  const std::string text = "“Apparently not,“ he said. “A leopard does not change its spots.”";
  EXPECT_EQ(QuoteTexts(text), (V{"Apparently not,", "A leopard does not change its spots."}));
  auto spans = Spans(text);
  ASSERT_FALSE(spans.empty());
  EXPECT_GE(spans[0].close_token, 0);
}

// Two curly single marks with nothing between them stand for one double mark, opening
// (‘’, ‘‘) or closing (’’), also against a curly double mark.
TEST(QuoteMarks, DoubledSingleMarks) {
  EXPECT_EQ(QuoteTexts("‘’Should we show any evidence?’’ says Amrul Saleh. “There is no "
                       "business here,’’ says an official."),
            (V{"Should we show any evidence?", "There is no business here,"}));
}

// A grave accent opening a word opens a single quote that an apostrophe closes (`text').
TEST(QuoteMarks, GraveAccentOpensSingle) {
  EXPECT_EQ(QuoteTexts("Judge Hughes wrote: `the government used false evidence,' concluding "
                       "`honesty comes hard.'"),
            (V{"the government used false evidence,", "honesty comes hard."}));
}

TEST(QuoteMarks, StraightSingle) {
  EXPECT_EQ(QuoteTexts("They called it 'a disgrace' on Monday."), (V{"a disgrace"}));
}

TEST(QuoteMarks, Guillemets) {
  EXPECT_EQ(QuoteTexts("The minister said «we will not yield» to pressure."),
            (V{"we will not yield"}));
}

TEST(QuoteMarks, ReversedGuillemets) {
  EXPECT_EQ(QuoteTexts("Der Minister sprach von »historischem Wandel« in Europa."),
            (V{"historischem Wandel"}));
  EXPECT_EQ(QuoteTexts("« Nous ne céderons pas », a dit le ministre."), (V{" Nous ne céderons pas "}));
}

TEST(QuoteMarks, LowHigh) {
  EXPECT_EQ(QuoteTexts("Merkel spoke of „historic change“ in Europe."), (V{"historic change"}));
  EXPECT_EQ(QuoteTexts("Merkel spoke of „historic change” in Europe."), (V{"historic change"}));
}

TEST(QuoteMarks, NestedOnlyOutermostReported) {
  std::string text = "Wang said Beijing should oppose “any ‘small circle’ that engages in bloc "
                     "confrontation.”";
  EXPECT_EQ(QuoteTexts(text), (V{"any ‘small circle’ that engages in bloc confrontation."}));
  std::vector<QuoteSpan> spans = Spans(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_FALSE(spans[0].nested);
  EXPECT_TRUE(spans[1].nested);
  EXPECT_EQ(Text(text, {spans[1].start, spans[1].end}), "small circle");
}

TEST(QuoteMarks, NestedStraightSingleInsideDouble) {
  EXPECT_EQ(QuoteTexts("\"I have never lost more sleep than over 'Michael Collins', but I'll "
                       "never make a more important one,\" Jordan said."),
            (V{"I have never lost more sleep than over 'Michael Collins', but I'll never make a "
               "more important one,"}));
}

TEST(QuoteMarks, MultiSentenceQuoteIsOneSpan) {
  EXPECT_EQ(QuoteTexts("\"We will carry on. Nobody is free from arrest in Burma.\""),
            (V{"We will carry on. Nobody is free from arrest in Burma."}));
}

TEST(QuoteMarks, NewswireReopenedQuote) {
  // A `"` that starts a sentence always opens: the first quote was never closed and ends at the
  // last character before the next opening mark.
  std::string text = "\"This most recent measure is a revival of old plans. \"We expect the "
                     "world to act,\" he said.";
  EXPECT_EQ(QuoteTexts(text),
            (V{"This most recent measure is a revival of old plans.", "We expect the world to act,"}));
}

TEST(QuoteMarks, ParagraphContinuationAcrossLines) {
  std::string text = "“The first paragraph of the quote.\n“The second one,” he said.";
  EXPECT_EQ(QuoteTexts(text), (V{"The first paragraph of the quote.", "The second one,"}));
}

TEST(QuoteMarks, UnterminatedEndsAtEndOfLine) {
  std::string text = "It violated “international norms in a rude manner.  \nNext line here.";
  EXPECT_EQ(QuoteTexts(text), (V{"international norms in a rude manner."}));
  EXPECT_EQ(QuoteTexts("He said \"no way"), (V{"no way"}));
}

TEST(QuoteMarks, ApostrophesAreNotQuotes) {
  EXPECT_TRUE(QuoteTexts("Russia’s minister didn’t go; the ’90s are over.").empty());
  EXPECT_TRUE(QuoteTexts("Collins’ best friend, in his late 20's, and the bishops' committee.").empty());
  EXPECT_TRUE(QuoteTexts("Collins' friend met O'Neill.").empty());
}

TEST(QuoteMarks, ClosingSingleAfterPunctuation) {
  EXPECT_EQ(QuoteTexts("‘We must oppose it,’ says Wang."), (V{"We must oppose it,"}));
  EXPECT_EQ(QuoteTexts("'We must oppose it,' says Wang."), (V{"We must oppose it,"}));
}

TEST(QuoteMarks, EmptyAndLoneMarks) {
  EXPECT_NO_THROW(Quotes("\"\" ' \" “ ” ‘ ’ « » „"));
  EXPECT_NO_THROW(Quotes("\""));
  EXPECT_NO_THROW(Quotes(""));
}

TEST(QuoteKinds, DirectSentence) {
  auto q = Quotes("\"We will win,\" Lavrov said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "direct");
}

TEST(QuoteKinds, DirectAfterThatAndColon) {
  auto q = Quotes("Wang Yi promised that “China will support Russia.” Davies noted: \"We've "
                  "talked about it.\"");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[1].kind, "direct");
}

TEST(QuoteKinds, DirectUtterance) {
  auto q = Quotes("Children carrying photographs called \"Troops out!\". She responded by "
                  "shouting the war cry \"Allahu Akhbar\" and \"Freedom for Chechnya!\".");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[1].kind, "direct");
  EXPECT_EQ(q[2].kind, "direct");
}

TEST(QuoteKinds, PartialFragment) {
  auto q = Quotes("Wang Yi said the two countries must stand on the side of “fairness and "
                  "justice”. He said it would \"lose face before the whole world\".");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].kind, "partial");
  EXPECT_EQ(q[1].kind, "partial");
}

TEST(QuoteKinds, PartialStartsAsFragmentEvenWithSentencesInside) {
  auto q = Quotes("Lavrov said the West sought \"to eliminate competitors. It is simple.\"");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "partial");
}

TEST(QuoteKinds, ScareTitlesAndHeadlines) {
  auto q = Quotes("China and Russia condemn ‘unlawful sanctions’ imposed by West\n"
                  "Leeson was nominated for an Oscar for his performance in \"Schindler's List\". "
                  "Wang was sentenced to one year's \"re-education by labour\" last month.");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].kind, "scare");
  EXPECT_EQ(q[1].kind, "scare");
  EXPECT_EQ(q[2].kind, "scare");
}

TEST(QuoteKinds, NamingVerbMakesLabelPartial) {
  auto q = Quotes("Both sides strongly condemned what they termed “unlawful sanctions” imposed "
                  "by the West.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "partial");
}

// Not a timed test (the benchmark measures speed): these inputs must simply finish.
TEST(QuoteMarks, ManyMarksAndLongUnterminatedQuote) {
  std::string marks;
  for (int i = 0; i < 100000; ++i) marks += i % 2 ? "\" b " : "a \"";
  EXPECT_GT(Quotes(marks).size(), 1000u);
  std::string nesting;
  for (int i = 0; i < 50000; ++i) nesting += "‘x ";
  EXPECT_EQ(Quotes(nesting).size(), 1u);
  std::string longq = "\"";
  for (int i = 0; i < 300000; ++i) longq += "words said ";
  EXPECT_EQ(Quotes(longq).size(), 1u);
}


// Newswire archives write double quotes as two apostrophes: they pair as double quotes, and
// the speaker rules read them ("''A,'' he said. ''B.''").
TEST(Quotes, TwoApostrophesAsDoubleQuotes) {
  EXPECT_EQ(QuoteTexts("''Some courses are adapting,'' said Paul Chipok, a lawyer. ''It costs "
                       "money to run a course.''"),
            (V{"Some courses are adapting,", "It costs money to run a course."}));
  const auto q = Quotes("He said the plan was ''a promise kept'' and left.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "a promise kept");
}

}  // namespace
}  // namespace presslens
