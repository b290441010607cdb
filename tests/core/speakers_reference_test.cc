// Speakers that the text gives in an earlier sentence: a document or publication named for
// its author, a continuation quote, a clause's subject carried to a coordinated verb.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_util.h"

namespace presslens {
namespace {

struct S {
  std::string quote, speaker, mention, cue, rule;
};

std::vector<S> Speakers(const std::string& text) {
  Result r = SharedAnalyzer().Analyze(text);
  std::vector<S> out;
  for (const Quote& q : r.quotes) {
    if (IsReported(q)) continue;
    S s;
    s.quote = Text(text, q.span);
    if (q.has_speaker) {
      s.speaker = q.speaker.name;
      s.mention = Text(text, q.speaker.span);
    }
    if (q.has_cue) s.cue = q.cue.lemma;
    s.rule = q.rule;
    out.push_back(s);
  }
  return out;
}

// A document speaks for its author: named after it ("an editorial in X"), before it ("a
// government statement"), or in an earlier mention of the same document ("the editorial");
// "the newspaper" is the publication an earlier document appeared in.
TEST(SpeakerReferences, DocumentNounTakesItsAuthor) {
  auto v = Speakers(
      "Moscow criticised the visit on Friday. \"The visit was a mistake,\" said an editorial "
      "in the official Volga Herald. \"Nobody will forget it,\" the editorial said. \"Words "
      "are not enough,\" the newspaper said.");
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].speaker, "Volga Herald");
  EXPECT_EQ(v[1].speaker, "Volga Herald");
  EXPECT_EQ(v[1].mention, "the editorial");
  EXPECT_EQ(v[2].speaker, "Volga Herald");
  EXPECT_EQ(v[2].mention, "the newspaper");
  auto w = Speakers(
      "A spokesman confirmed a report in the news weekly Der Zeitgeist. The man was held on "
      "suspicion of \"hostile activities\", the magazine said.");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].speaker, "Der Zeitgeist");
}

TEST(SpeakerReferences, CompoundDocumentNounTakesItsAuthor) {
  auto v = Speakers(
      "The president had surgery on Monday. \"He is in good health,\" a government statement "
      "said. \"He will return next week,\" the statement said.");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].speaker, "government");
  EXPECT_EQ(v[0].mention, "a government statement");
  EXPECT_EQ(v[1].speaker, "government");
}

TEST(SpeakerReferences, PossessiveAuthorOfAnEarlierDocument) {
  auto v = Speakers(
      "Censors banned the magazine, editor Maria Lopez said on Tuesday. She said the reason "
      "was her own front-page editorial. \"Our leaders must listen to the people,\" the "
      "editorial said.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].speaker, "Maria Lopez");
}

// "X of the <organisation> said": the person named before "of" speaks, also when the
// organisation is described with a place and its region ("the Juneau, Alaska police").
TEST(SpeakerReferences, PersonOfADescribedOrganisation) {
  auto v = Speakers(
      "Sgt. Tom Brady of the Juneau, Alaska police department described the man as \"very "
      "calm\". Captain John Marsh of the city fire department said: \"Nobody was hurt.\"");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].speaker, "Tom Brady");
  EXPECT_EQ(v[1].speaker, "John Marsh");
}

// A verb right after "but" takes the subject of the clause it is coordinated with.
TEST(SpeakerReferences, VerbAfterButTakesTheClauseSubject) {
  auto v = Speakers(
      "Spokesman Tom Reid spoke on Friday. He gave no date for the talks but said the "
      "government wanted \"an early start\".");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].speaker, "Tom Reid");
  EXPECT_EQ(v[0].mention, "He");
}

// A longer definite description ("the union official") is the recent unnamed speaker whose
// description shares one of its modifiers; a pronoun after it follows.
TEST(SpeakerReferences, DefiniteDescriptionSharesAModifier) {
  auto v = Speakers(
      "\"Wages are late,\" a senior member of the local Dockers Union branch told reporters. "
      "The union official said the police figures were wrong. \"Only 200 people came,\" he "
      "said.");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].speaker, "senior member of the local Dockers Union branch");
  EXPECT_EQ(v[1].speaker, "senior member of the local Dockers Union branch");
}

// A continuation quote keeps its speaker when a sign-off follows it after a dash.
TEST(SpeakerReferences, ContinuationBeforeASignOff) {
  auto v = Speakers(
      "\"This is our first ruling in this court,\" Smith said. \"We are pleased with it.\" -- "
      "London Newsroom +44 171 542 7717");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[1].speaker, "Smith");
  EXPECT_EQ(v[1].rule, "QUOTE_CONTINUATION");
}

// A line that ends in a colon introduces the quote in the next paragraph: it is no headline.
TEST(SpeakerReferences, ColonLineIntroducesTheNextParagraph) {
  auto v = Speakers(
      "Mayor Ann Cole answered the critics on Monday.\n\nShe said:\n\n\"We have a plan for "
      "every district. It will work.\"");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].speaker, "Ann Cole");
  EXPECT_EQ(v[0].rule, "PRONOUN_SAID_QUOTE");  // the colon's clause is the quote's event
}

// A continuation quote keeps its speaker across one narrative sentence about that speaker.
TEST(SpeakerReferences, ContinuationAcrossANarrativeSentence) {
  auto v = Speakers(
      "\"We have had problems with these attacks before,\" Governor Ray Hill said after the "
      "meeting. He did not threaten anyone. \"Our goal is to stop them.\"");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[1].speaker, "Ray Hill");
  EXPECT_EQ(v[1].rule, "QUOTE_CONTINUATION");
}

// The agent of a passive cue speaks: "Described by one company as "...", ...".
TEST(SpeakerReferences, PassiveCueWithItsAgent) {
  auto v = Speakers(
      "Described by one British company as \"a disaster\", the storm cost millions. The plan "
      "was described by Senator Tom Blake as \"reckless\".");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].speaker, "British company");
  EXPECT_EQ(v[1].speaker, "Tom Blake");
  // A quoted title that is the passive's subject is written, not said.
  auto t = Speakers("\"Summer Rain\" was written by Tom Blake after the flood.");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].speaker, "");
}

// A quotation dash (horizontal bar) after the closing mark attributes the quote.
TEST(SpeakerReferences, HorizontalBarAttribution) {
  auto v = Speakers("\u201cWe will vote in November.\u201d \u2015 Maria Lopez\n\u201cNobody "
                    "asked us.\u201d\u2015 Tom Blake\n");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].speaker, "Maria Lopez");
  EXPECT_EQ(v[1].speaker, "Tom Blake");
}

// "determiner ... noun" right before a cue, opening its clause, describes the speaker even
// when the noun is no role noun.
TEST(SpeakerReferences, UnlistedNounBeforeACue) {
  auto v = Speakers(
      "As the bell rang, the announcer said, \"It is three in the morning.\" The clip says "
      "Smith \"has a passion for the wrong people.\"");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].speaker, "announcer");
  EXPECT_EQ(v[1].speaker, "clip");
}

// The subject stands before the cue's auxiliaries: "she has said".
TEST(SpeakerReferences, SubjectBeforeAuxiliaries) {
  auto v = Speakers("Mayor Ann Cole spoke on Monday. \"We will win,\" she has said.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].speaker, "Ann Cole");
}

// A transcript quoted turn by turn: "HALE: ..." in quote marks is the turn of the person the
// label names.
TEST(SpeakerReferences, TranscriptTurnsInQuoteMarks) {
  auto v = Speakers(
      "Governor Mark Hale spoke to host Anna Ruiz on Sunday.\n\n\"RUIZ: Will you run again "
      "next year?\n\n\"HALE: Well, look, we have a great deal of work to do.\"");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].speaker, "Anna Ruiz");
  EXPECT_EQ(v[1].speaker, "Mark Hale");
  EXPECT_EQ(v[1].rule, "TRANSCRIPT_TURN");
}

}  // namespace
}  // namespace presslens
