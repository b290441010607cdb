// Reported speech (attribution.h): the learned tagger's spans read into quotes of kind indirect
// or mixed, on invented sentences.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "attribution_model.h"
#include "data.h"
#include "test_util.h"

namespace presslens {
namespace {

struct R {
  std::string content, kind, speaker, mention, cue, rule;
  int entity = -1;
};

std::vector<R> Reported(const std::string& text) {
  Result r = SharedAnalyzer().Analyze(text);
  std::vector<R> out;
  for (const Quote& q : r.quotes) {
    if (q.kind != "indirect" && q.kind != "mixed") continue;
    R x;
    x.content = Text(text, q.span);
    x.kind = q.kind;
    x.rule = q.rule;
    if (q.has_speaker) {
      x.speaker = q.speaker.name;
      x.mention = Text(text, q.speaker.span);
      x.entity = q.speaker.entity;
    }
    if (q.has_cue) x.cue = q.cue.lemma;
    out.push_back(x);
  }
  return out;
}

// A title "Name: words" says the words; the title's own words are read once, and a title
// without a named speaker before the colon is not read so.
TEST(Attribution, TitleLabel) {
  const std::string text =
      "Loretta Lynch: No outside influence on the inquiry into the emails\n\n"
      "Attorney General Loretta Lynch spoke in Washington on Monday.";
  std::vector<R> v = Reported(text);
  ASSERT_FALSE(v.empty());
  EXPECT_EQ(v[0].content, "No outside influence on the inquiry into the emails");
  EXPECT_EQ(v[0].kind, "indirect");
  EXPECT_EQ(v[0].speaker, "Loretta Lynch");
  EXPECT_EQ(v[0].mention, "Loretta Lynch");
  EXPECT_EQ(v[0].cue, ":");
  for (size_t k = 1; k < v.size(); ++k) EXPECT_NE(v[k].content.find("inquiry"), 0u);
  for (const R& r : Reported("Breaking: No outside influence on the inquiry into the emails\n\n"
                             "The inquiry goes on."))
    EXPECT_NE(r.cue, ":");
}

// With no source tagged and no speech event, the subject phrase before the cue's verb group
// is the speaker when it is a noun phrase (not "widespread" before a noun cue).
TEST(Attribution, SubjectPhraseBeforeTheCue) {
  std::vector<R> v = Reported("The fishing cooperatives have long argued that the quotas are too low.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].content, "the quotas are too low");
  EXPECT_EQ(v[0].speaker, "The fishing cooperatives");
  EXPECT_EQ(v[0].mention, "The fishing cooperatives");
  v = Reported("The harbour authority, which runs the port, had hoped the ships would return in spring.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].mention, "The harbour authority");
  for (const R& r : Reported("There was widespread speculation that the mill would close."))
    EXPECT_EQ(r.speaker, "");
}

// The subject phrase names no speaker when its last word is no noun by evidence: an adjective
// whose noun the tagger took into the cue ("a reasonable assumption"), or a singular noun no
// list knows ("The fishing cooperative").
TEST(Attribution, SubjectPhraseNeedsANounHead) {
  std::vector<R> v = Reported("It is a reasonable assumption that the ferry will run late this winter.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].content, "the ferry will run late this winter");
  EXPECT_EQ(v[0].speaker, "");
  v = Reported("The fishing cooperative has long argued that the quotas are too low.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].speaker, "");
}

// A relative pronoun tagged as the source is named by its antecedent; its span stays on the
// pronoun.
TEST(Attribution, RelativePronounSource) {
  const std::string text = "The mayor met Jon Park, who argued that the ferry needs a second boat.";
  std::vector<R> v = Reported(text);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].speaker, "Jon Park");
  EXPECT_EQ(v[0].mention, "who");
  EXPECT_GE(v[0].entity, 0);
  v = Reported("The mayor met the ferry operators, who argued that the route needs a second boat.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].speaker, "the ferry operators");
  EXPECT_EQ(v[0].mention, "who");
}

// A closing mark is never a speaker: a source the tagger reads over "’’" keeps its words only.
TEST(Attribution, NoSpeakerIsPunctuation) {
  for (const char* text : {"“The talks will go on,’’ says an official at the ministry. Prices rose.",
                           "“The fares will rise in March,’’ says a spokesman for the port."}) {
    for (const R& r : Reported(text)) {
      EXPECT_NE(r.mention.find_first_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
                std::string::npos)
          << text << " -> '" << r.mention << "'";
    }
  }
}

TEST(AttributionModel, TheShippedModelLoads) {
  AttributionModel model;
  ASSERT_TRUE(model.Load(EmbeddedData("attribution-model")));
  EXPECT_GT(model.cues().hashes().size(), 20u);
}

TEST(AttributionModel, RejectsMalformedFiles) {
  AttributionModel model;
  EXPECT_FALSE(model.Load(""));
  EXPECT_FALSE(model.Load("PLNER1 not this model"));
  std::string bytes = AttributionModel::Serialize({1, 2, 3}, std::vector<float>((kAttrHashMask + 1) * kAttrTags, 0.5f), 1.f);
  EXPECT_TRUE(model.Load(bytes));
  EXPECT_FALSE(model.Load(bytes.substr(0, bytes.size() - 3)));  // a row cut short
}

TEST(Attribution, SpeakerBeforeThat) {
  const std::string text = "Mayor Ellen Park said that the bridge would reopen in May.";
  auto v = Reported(text);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].content, "the bridge would reopen in May");
  EXPECT_EQ(v[0].kind, "indirect");
  EXPECT_EQ(v[0].speaker, "Ellen Park");
  EXPECT_GE(v[0].entity, 0);
  EXPECT_EQ(v[0].cue, "say");
  EXPECT_EQ(v[0].rule, "REPORTED_SPEECH");
}

TEST(Attribution, SpeakerAfterContent) {
  const std::string text = "The talks with the growers collapsed on Tuesday, officials said.";
  auto v = Reported(text);
  ASSERT_EQ(v.size(), 1u);
  // The tagger ends this content before "on Tuesday" today: the right edge is not pinned.
  EXPECT_EQ(v[0].content.rfind("The talks with the growers collapsed", 0), 0u) << v[0].content;
  EXPECT_EQ(v[0].mention, "officials");
  EXPECT_EQ(v[0].entity, -1);
}

// A cue inside its content, with no source (PolNeAR's reading of "is expected to", "seems
// to"): the content runs over the cue.
TEST(Attribution, CueInsideContent) {
  const std::string text =
      "Verizon will buy Yahoo. The sale is expected to expand the company's move into media.";
  auto v = Reported(text);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].content, "The sale is expected to expand the company's move into media");
  EXPECT_EQ(v[0].cue, "is expected");
}

TEST(Attribution, AccordingTo) {
  const std::string text = "According to the Harbor Authority, the port will close for two weeks.";
  auto v = Reported(text);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].content, "the port will close for two weeks");
  EXPECT_EQ(v[0].cue, "according to");
}

TEST(Attribution, PronounTakesThePersonNamedBefore) {
  const std::string text =
      "Senator Dana Whitfield visited the plant on Monday. She claimed the company had hidden "
      "the losses.";
  auto v = Reported(text);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].content, "the company had hidden the losses");
  EXPECT_EQ(v[0].mention, "She");
  EXPECT_EQ(v[0].speaker, "Dana Whitfield");
  EXPECT_EQ(v[0].cue, "claim");
}

TEST(Attribution, QuotedFragmentMakesItMixed) {
  const std::string text = "Park said the new bridge was \"a promise kept\" and would open soon.";
  auto v = Reported(text);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].kind, "mixed");
  EXPECT_EQ(v[0].content, "the new bridge was \"a promise kept\" and would open soon");
}

TEST(Attribution, DirectQuoteAddsNoReportedSpeech) {
  const std::string text = "\"We will rebuild the bridge,\" Park said.";
  Result r = SharedAnalyzer().Analyze(text);
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(r.quotes[0].kind, "direct");
}

TEST(Attribution, CondemnationIsNotAlsoReportedSpeech) {
  const std::string text = "The council condemned the new toll on the harbor bridge.";
  Result r = SharedAnalyzer().Analyze(text);
  ASSERT_EQ(r.condemnations.size(), 1u);
  EXPECT_TRUE(Reported(text).empty());
}

// "believe" and "wanted" are marked as cues in too few of their occurrences for the first cue
// words; they are among the weaker cue words learned for the reported speech their sentences
// hold, so their sentences are tagged.
TEST(Attribution, WeakCueWordMakesItsSentenceACandidate) {
  auto v = Reported("Most voters believe the economy is getting worse.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].cue, "believe");
  EXPECT_EQ(v[0].mention, "Most voters");
  EXPECT_EQ(v[0].content, "the economy is getting worse");
  v = Reported("The senator wanted the committee to delay the vote until next spring.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].cue, "wanted");
  EXPECT_NE(v[0].content.find("the committee to delay the vote"), std::string::npos) << v[0].content;
}

// No source tagged and no speech event: the speaking entity named right before the cue, or
// before an apposition between commas, is the speaker.
TEST(Attribution, SubjectBeforeTheCueWhenNoSourceIsTagged) {
  const std::string text = "He met with the board. Whitfield, 54, hopes the plant will stay open.";
  auto v = Reported(text);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].cue, "hopes");
  EXPECT_EQ(v[0].mention, "Whitfield");
}

// A leading "that" goes, but not the subject of "that’s"; a word's symbol stays at the edge.
TEST(Attribution, ContentEdges) {
  auto v = Reported("Mayor Ellen Park said that’s the plan for #RebuildTheBridge.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].content, "that’s the plan for #RebuildTheBridge");
}

// A tagged source that runs past the name ("... Wang Yi after") names the person in it, not the
// nationality word it begins with.
TEST(Attribution, SourceNamesThePersonInIt) {
  auto v = Reported("“We will support the new port,” says Chinese Foreign Minister Wang Yi after "
                    "discussing enhancing security cooperation across Eurasia.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].cue, "discussing");
  EXPECT_EQ(v[0].speaker, "Wang Yi");
}

TEST(Attribution, NoCueNoReportedSpeech) {
  EXPECT_TRUE(Reported("The bridge reopened in May after two years of repairs.").empty());
}

}  // namespace
}  // namespace presslens
