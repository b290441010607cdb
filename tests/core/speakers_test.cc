// Speaker attribution: one focused case per rule, and every quote of the sample article.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "speech_cues.h"
#include "test_util.h"

namespace presslens {
namespace {

struct S {
  std::string quote, kind, speaker, mention, cue, rule;
  int entity = -1;
};

std::vector<S> Speakers(const std::string& text) {
  Result r = SharedAnalyzer().Analyze(text);
  std::vector<S> out;
  for (const Quote& q : r.quotes) {
    if (IsReported(q)) continue;
    S s;
    s.quote = Text(text, q.span);
    s.kind = q.kind;
    if (q.has_speaker) {
      s.speaker = q.speaker.name;
      s.mention = Text(text, q.speaker.span);
      s.entity = q.speaker.entity;
    }
    if (q.has_cue) s.cue = q.cue.lemma;
    s.rule = q.rule;
    out.push_back(s);
  }
  return out;
}

S One(const std::string& text) {
  auto v = Speakers(text);
  EXPECT_EQ(v.size(), 1u) << text;
  return v.empty() ? S() : v[0];
}

// A past form the lexicon does not list, right after a quote that ends in a comma or question
// mark, attributes it; its lemma is the word as written.
TEST(Speakers, UnlistedVerbAfterQuote) {
  S s = One("“That would have been a show of good faith,” Senator Pat Toomey fumed on Tuesday.");
  EXPECT_EQ(s.speaker, "Pat Toomey");
  EXPECT_EQ(s.cue, "fumed");
  EXPECT_EQ(s.rule, "QUOTE_COMMA_NAME_CUE");
  S t = One("Glenn Beck spoke on Monday. “What made him change?” he wondered aloud, smiling.");
  EXPECT_EQ(t.speaker, "Glenn Beck");
  EXPECT_EQ(t.cue, "wondered");
  EXPECT_EQ(t.rule, "QUOTE_COMMA_PRONOUN_CUE");
  // A listed cue after it attributes the quote; a past form before a noun is no verb, nor one
  // with no subject.
  S u = One("“We served together,” retired Gen. Lloyd Newton said.");
  EXPECT_EQ(u.speaker, "Lloyd Newton");
  EXPECT_EQ(u.cue, "say");
  S v = One("“We served together,” unnamed officials claimed.");
  EXPECT_EQ(v.cue, "claim");
  S w = One("The film “Jaws,” released in 1975, scared a generation.");
  EXPECT_EQ(w.cue, "");
  EXPECT_EQ(w.speaker, "");
}

TEST(Speakers, QuoteCommaNameSaid) {
  S s = One("\"We have taken those steps,\" Pentagon spokesman Doug Kennett said.");
  EXPECT_EQ(s.speaker, "Doug Kennett");
  EXPECT_EQ(s.mention, "Doug Kennett");
  EXPECT_EQ(s.cue, "say");
  EXPECT_EQ(s.rule, "QUOTE_COMMA_NAME_SAID");
}

// The verb group is the chunker's: an adverb between the auxiliary and the cue keeps the
// passive reading, and the one quoted speaks.
TEST(Speakers, PassiveQuotedWithAnAdverb) {
  S s = One("Smith was widely quoted: \"We will win the vote.\"");
  EXPECT_EQ(s.speaker, "Smith");
  EXPECT_EQ(s.cue, "quote");
}

// "... and repeatedly says": the subject of the coordinated clause speaks.
TEST(Speakers, CoordinatedVerbAfterAnAdverb) {
  S s = One("Rakeyia Scott urges her husband to get out and repeatedly says, \"Don't do it.\"");
  EXPECT_EQ(s.speaker, "Rakeyia Scott");
  EXPECT_EQ(s.cue, "say");
}

TEST(Speakers, QuoteCommaSaidName) {
  S s = One("\"It's a very complicated issue,\" said Paul Drazek, senior trade advisor.");
  EXPECT_EQ(s.speaker, "Paul Drazek");
  EXPECT_EQ(s.cue, "say");
  EXPECT_EQ(s.rule, "QUOTE_COMMA_SAID_NAME");
}

TEST(Speakers, QuoteCommaSaidDescriptionThenAppositiveName) {
  S s = One("\"I feel terrible,\" said the tourist, Khaled Hijazi, 37.");
  EXPECT_EQ(s.speaker, "Khaled Hijazi");
  S t = One("\"Two sons have come back,\" said his mother Nurbika Mamatuyeva.");
  EXPECT_EQ(t.speaker, "Nurbika Mamatuyeva");
}

TEST(Speakers, NameBetweenCommasAfterDescription) {
  S s = One("\"The plan is dead,\" the group's leader, John Smith, told reporters.");
  EXPECT_EQ(s.speaker, "John Smith");
  EXPECT_EQ(s.cue, "tell");
}

TEST(Speakers, TitleWithFullStop) {
  S s = One("\"It is over,\" said Dr. Jane Smith, a doctor at the hospital.");
  EXPECT_EQ(s.speaker, "Jane Smith");
}

TEST(Speakers, NamingVerbWithDescribedUsers) {
  S s = One("Critics dubbed the plan a \"poll tax on wheels\".");
  EXPECT_EQ(s.kind, "partial");
  EXPECT_EQ(s.speaker, "critics");
  EXPECT_EQ(s.mention, "Critics");
  EXPECT_EQ(s.cue, "dub");
}

TEST(Speakers, LabelsHaveNoSpeaker) {
  auto v = Speakers("The so-called \"peace dividend\" was gone, Smith said. Officials said the "
                    "\"Desert Storm\" operation was over.");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].kind, "scare");
  EXPECT_EQ(v[0].speaker, "");
  EXPECT_EQ(v[1].kind, "scare");
}

TEST(Speakers, UtteranceWithDescribedSpeaker) {
  S s = One("\"Never again!\" shouted the crowd.");
  EXPECT_EQ(s.kind, "direct");
  EXPECT_EQ(s.speaker, "crowd");
  EXPECT_EQ(s.cue, "shout");
}

TEST(Speakers, QuotedAsSaying) {
  S s = One("\"The holiday has only just begun,\" the agency quoted Sergei Yastrzhembsky as "
            "saying.");
  EXPECT_EQ(s.speaker, "Sergei Yastrzhembsky");
  EXPECT_EQ(s.cue, "quote");
}

TEST(Speakers, InitialsInNames) {
  S s = One("\"There is little we can do,\" said senior fishermen leader P. Arulanandam.");
  EXPECT_EQ(s.speaker, "P. Arulanandam");
}

TEST(Speakers, PluralDescriptionAndThey) {
  auto v = Speakers("\"We want peace,\" two church groups said. \"We will march,\" they said.");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].speaker, "church groups");
  EXPECT_EQ(v[1].speaker, "church groups");
  EXPECT_EQ(v[1].mention, "they");
}

TEST(Speakers, InvertedAfterCommaBeforeQuote) {
  S s = One("They had a little extra to sell, said one private farmer: \"In the future, maybe.\"");
  EXPECT_EQ(s.speaker, "private farmer");
  EXPECT_EQ(s.rule, "DESCRIPTION_SAID_QUOTE");
}

TEST(Speakers, RelativeClauseWithQuotedTitleBeforeCue) {
  auto v = Speakers("Jordan, whose 1992 film \"The Crying Game\" also came under fire, said "
                    "Collins was more than a revolutionary. \"He developed techniques of "
                    "guerilla warfare,\" he said.");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].kind, "scare");
  EXPECT_EQ(v[1].speaker, "Jordan");
}

TEST(Speakers, WrittenDocumentSpeaksForItsAuthor) {
  S s = One("\"Some are still unrepentant,\" said a commentary in the official China Daily.");
  EXPECT_EQ(s.speaker, "China Daily");
}

TEST(Speakers, OneOfTheGroupLastQuoted) {
  auto v = Speakers("Traders said the award could be low. \"I see an overhang,\" one said.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].speaker, "traders");
  EXPECT_EQ(v[0].mention, "one");
}

TEST(Speakers, RoleWithPlacePhrase) {
  auto v = Speakers("\"It is hard,\" officials in Washington said. \"Fine,\" the U.S. embassy "
                    "in Moscow said.");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].speaker, "officials in Washington");
  EXPECT_EQ(v[1].speaker, "U.S. embassy in Moscow");
}

TEST(Speakers, LessCommonCueAfterQuote) {
  S s = One("\"I lost the moment,\" lamented Basuki, who reached the fourth round.");
  EXPECT_EQ(s.speaker, "Basuki");
  EXPECT_EQ(s.cue, "lament");
}

TEST(Speakers, PronounGenderFromTitlesAndEarlierPronouns) {
  auto v = Speakers("\"We are ready,\" said Mrs. Smith. \"So are we,\" said Mr. Jones. "
                    "\"Good,\" she said.");
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[2].speaker, "Smith");
  // "she admitted" makes Graf a she, "he added" makes Muster a he.
  auto w = Speakers("\"I felt nervous,\" Graf said. \"It was hard,\" she admitted. \"She "
                    "played well,\" Muster said. \"Really,\" he added. \"I was lucky,\" she "
                    "said.");
  ASSERT_EQ(w.size(), 5u);
  EXPECT_EQ(w[3].speaker, "Muster");
  EXPECT_EQ(w[4].speaker, "Graf");
}

TEST(Speakers, DescriptionWithPrepositionalPhrase) {
  S s = One("\"Late wages are the reasons,\" a senior member of the local Socialist Party "
            "branch told Reuters.");
  EXPECT_EQ(s.speaker, "senior member of the local Socialist Party branch");
  S t = One("\"We thought it fun,\" a spokesman for the sponsors said.");
  EXPECT_EQ(t.speaker, "spokesman for the sponsors");
  // A person before a preposition of role speaks, also when the noun after it is a role.
  S u = One("\"We have no comment,\" a spokeswoman for the ministry said.");
  EXPECT_EQ(u.speaker, "spokeswoman for the ministry");
}

TEST(Speakers, AttributionAfterQuestionMarkSentenceBreak) {
  S s = One("Gore spoke. \"What would you do?\" Gore said.");
  EXPECT_EQ(s.speaker, "Gore");
  // "Smith said ... he would leave" reports something else.
  S t = One("Gore spoke. \"What kind of peace is this?\" Smith said on Monday he would leave.");
  EXPECT_EQ(t.speaker, "");
}

TEST(Speakers, NameSaidColonQuote) {
  S s = One("Davies also noted: \"We've talked about the passport restriction.\"");
  EXPECT_EQ(s.speaker, "Davies");
  EXPECT_EQ(s.cue, "note");
  EXPECT_EQ(s.kind, "direct");
}

TEST(Speakers, NameSaidThatPartial) {
  S s = One("Chinese Foreign Minister Wang Yi said that Beijing would strengthen cooperation with "
            "Moscow and that the two countries must stand on the side of “fairness and justice”.");
  EXPECT_EQ(s.speaker, "Wang Yi");
  EXPECT_EQ(s.mention, "Wang Yi");
  EXPECT_EQ(s.cue, "say");
  EXPECT_EQ(s.kind, "partial");
}

TEST(Speakers, OuterSpeechVerbBeatsReportVerbInsideItsClause) {
  S s = One("Zairean Prime Minister Kengo wa Dondo said last week that the two governments "
            "agreed on an \"organised, massive and unconditional repatriation\" of refugees.");
  EXPECT_EQ(s.speaker, "Kengo wa Dondo");
  EXPECT_EQ(s.cue, "say");
}

TEST(Speakers, AccordingTo) {
  S s = One("\"The talks have failed,\" according to Foreign Minister Lamberto Dini.");
  EXPECT_EQ(s.speaker, "Lamberto Dini");
  EXPECT_EQ(s.cue, "according to");
  S t = One("According to Lamberto Dini, \"the talks have failed.\"");
  EXPECT_EQ(t.speaker, "Lamberto Dini");
  EXPECT_EQ(t.cue, "according to");
}

TEST(Speakers, NameToldObjectQuote) {
  S s = One("\"The main purpose of this press conference is to inform the world,\" Suu Kyi told "
            "reporters at her home.");
  EXPECT_EQ(s.speaker, "Suu Kyi");
  EXPECT_EQ(s.cue, "tell");
  S t = One("Faik Nerweyi told Reuters: \"They entered this morning.\"");
  EXPECT_EQ(t.speaker, "Faik Nerweyi");
  EXPECT_EQ(t.cue, "tell");
}

TEST(Speakers, AppositiveBetweenNameAndCue) {
  S s = One("\"If there was a dictatorship they would not say this,\" Sergei Posukhov, "
            "Lukashenko's political adviser, told Reuters.");
  EXPECT_EQ(s.speaker, "Sergei Posukhov");
}

TEST(Speakers, PronounResolvedToMostRecentSpeaker) {
  auto v = Speakers("Montoya said he thought the attackers were criminals. Officials met on "
                    "Friday. \"We often see people dressed in military clothing here,\" he said.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].speaker, "Montoya");
  EXPECT_EQ(v[0].mention, "he");
  EXPECT_EQ(v[0].rule, "QUOTE_COMMA_PRONOUN_SAID");
}

TEST(Speakers, PronounPrefersSubjectNamedInSameSentence) {
  auto v = Speakers("Tareq Aziz said Iraq would help. He said Barzani sent a message to Saddam "
                    "in which he said: \"The conspiracy is beyond our capability.\"");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].speaker, "Barzani");
}

TEST(Speakers, PronounSkipsJointSpeakerForHe) {
  auto v = Speakers("Lavrov emphasized the need for security. Lavrov and Wang agreed to start a "
                    "“dialogue with our partners”. Both sides condemned what they termed "
                    "“unlawful sanctions”, which he said violated “international norms.");
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].speaker, "Lavrov & Wang");
  EXPECT_EQ(v[0].cue, "agree");
  EXPECT_EQ(v[1].speaker, "Lavrov & Wang");
  EXPECT_EQ(v[1].mention, "they");
  EXPECT_EQ(v[1].cue, "term");
  EXPECT_EQ(v[2].speaker, "Lavrov");
  EXPECT_EQ(v[2].mention, "he");
}

TEST(Speakers, ContinuationInheritsPreviousSpeaker) {
  auto v = Speakers("\"This lack of rule of law is an indication,\" Suu Kyi said. \"They are "
                    "using a travesty of the law.\"");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[1].speaker, "Suu Kyi");
  EXPECT_EQ(v[1].mention, "Suu Kyi");
  EXPECT_EQ(v[1].cue, "say");
  EXPECT_EQ(v[1].rule, "QUOTE_CONTINUATION");
}

TEST(Speakers, NewswireParagraphsTakeTheSpeakerOfTheirAttribution) {
  auto v = Speakers("\"This most recent measure is a revival of old plans. \"We expect the "
                    "world to act,\" Jilani said.");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].speaker, "Jilani");
  EXPECT_EQ(v[0].rule, "QUOTE_CONTINUED_BY_NEXT");
  EXPECT_EQ(v[1].speaker, "Jilani");
}

TEST(Speakers, DescribedSpeaker) {
  S s = One("\"We condemn Iraqi involvement,\" said a Foreign Office spokesman.");
  EXPECT_EQ(s.speaker, "Foreign Office spokesman");
  EXPECT_EQ(s.mention, "a Foreign Office spokesman");
  EXPECT_EQ(s.entity, -1);
  EXPECT_EQ(s.rule, "QUOTE_COMMA_SAID_DESCRIPTION");
  S t = One("\"The committee will meet,\" an Israeli army spokeswoman said on Saturday.");
  EXPECT_EQ(t.speaker, "Israeli army spokeswoman");
  EXPECT_EQ(t.rule, "QUOTE_COMMA_DESCRIPTION_SAID");
  S u = One("\"The drop is real,\" said a person close to the campaign.");
  EXPECT_EQ(u.mention, "a person");
  EXPECT_EQ(u.rule, "QUOTE_COMMA_SAID_DESCRIPTION");
}

TEST(Speakers, DefiniteDescriptionResolvedToEarlierActor) {
  auto v = Speakers("A spokesman of the Iraqi National Congress said the city was shelled. "
                    "\"Iraqi forces began an attack,\" the spokesman told Reuters.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].speaker, "spokesman of the Iraqi National Congress");
  EXPECT_EQ(v[0].mention, "the spokesman");
}

TEST(Speakers, SpeakerNamedInSentenceBefore) {
  auto v = Speakers("Suu Kyi said her party would not stop its efforts. \"We will carry on. "
                    "Nobody is free from arrest in Burma.\"");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].speaker, "Suu Kyi");
  EXPECT_EQ(v[0].rule, "SPEAKER_PREVIOUS_SENTENCE");
}

TEST(Speakers, JointSpeaker) {
  S s = One("Lavrov and Wang agreed to initiate a “dialogue with like-minded people”.");
  EXPECT_EQ(s.speaker, "Lavrov & Wang");
  EXPECT_EQ(s.mention, "Lavrov and Wang");
  EXPECT_EQ(s.rule, "JOINT_CUE_QUOTE");
}

TEST(Speakers, CanonicalNameIsTheFullestForm) {
  auto v = Speakers("Talks were led by Sergey Lavrov in Beijing. \"We are grateful,\" Lavrov "
                    "said.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].speaker, "Sergey Lavrov");
  EXPECT_EQ(v[0].mention, "Lavrov");
}

TEST(Speakers, UnknownCapitalisedNameNextToCue) {
  S s = One("\"We hope for the best,\" said Mubatik Dagayeva.");
  EXPECT_EQ(s.speaker, "Mubatik Dagayeva");
}

TEST(Speakers, ParticipleTakesClauseSubject) {
  S s = One("Jordan defends his film, whose screenplay he wrote himself, saying it was \"more "
            "about history than any political statement\".");
  EXPECT_EQ(s.speaker, "Jordan");
  EXPECT_EQ(s.cue, "say");
  EXPECT_EQ(s.kind, "partial");
}

TEST(Speakers, ScareQuoteHasNoSpeaker) {
  S s = One("Jordan, whose 1992 film \"The Crying Game\" came under fire, said he was proud.");
  EXPECT_EQ(s.kind, "scare");
  EXPECT_EQ(s.speaker, "");
  EXPECT_EQ(s.cue, "");
}

TEST(Speakers, DirectQuoteWithoutAttribution) {
  auto v = Speakers("Lavrov expressed gratitude.\n“Under his leadership, the people will have a "
                    "bright future”\nLavrov also thanked China.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].kind, "direct");
  EXPECT_EQ(v[0].speaker, "");
}

// Every quote of the sample article, with its speaker, kind and cue (ANNOTATION.md examples).
TEST(Speakers, SampleArticle) {
  std::string text = SeedArticle();
  if (text.empty()) GTEST_SKIP() << "../shared/data/seed-article.txt not present";
  struct Want {
    std::string start, speaker, kind, cue;
  };
  const std::vector<Want> want = {
      {"China will support Russia’s stable", "Wang Yi", "direct", "say"},
      {"fairness and justice", "Wang Yi", "partial", "say"},
      {"China will support Russia’s stable", "Wang Yi", "direct", "promise"},
      {"Under the strong leadership", "", "direct", ""},
      {"support", "Sergey Lavrov", "partial", "thank"},
      {"Xi Jinping", "Sergey Lavrov", "direct", "say"},
      {"China supports the convening", "Wang Yi", "direct", "say"},
      {"unlawful sanctions", "", "scare", ""},
      {"to impose its will", "Sergey Lavrov", "partial", "describe"},
      {"dialogue with the involvement", "Sergey Lavrov & Wang Yi", "partial", "agree"},
      {"unlawful sanctions", "Sergey Lavrov & Wang Yi", "partial", "term"},
      {"international norms in a rude manner.", "Sergey Lavrov", "partial", "say"},
      {"We must oppose Cold War thinking", "Wang Yi", "direct", "state"},
      {"economic, technological", "Sergey Lavrov", "partial", "accuse"},
      {"(We must) oppose all acts", "Wang Yi", "direct", "state"},
      {"hegemonism", "Wang Yi", "partial", "say"},
      {"any ‘small circle’", "Wang Yi", "partial", "say"},
  };
  auto got = Speakers(text);
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(got[i].quote);
    EXPECT_EQ(got[i].quote.rfind(want[i].start, 0), 0u);
    EXPECT_EQ(got[i].speaker, want[i].speaker);
    EXPECT_EQ(got[i].kind, want[i].kind);
    EXPECT_EQ(got[i].cue, want[i].cue);
  }
  // Spans from the guidelines: the unterminated quote ends at the end of its line.
  EXPECT_EQ(got[11].quote, "international norms in a rude manner.");
  EXPECT_EQ(got[0].quote, "China will support Russia’s stable development under the leadership "
                          "of Putin,");
}

// The lexicon lists the plurals of role nouns up front (-s, -es, -ies for -y, -men for -man,
// for nouns of two letters or more); spellings with capitals are matched exactly.
TEST(SpeechLexicon, RolePluralsAndExactSpellings) {
  const SpeechLexicon lex;
  for (const char* w : {"spokesman", "spokesmen", "party", "parties", "officials", "ministry",
                        "ministries", "embassy", "embassies", "diplomats"})
    EXPECT_TRUE(lex.IsLower(w, kRole)) << w;
  // (As before the plurals were listed, "partys" passes: it is "party" plus -s.)
  EXPECT_TRUE(lex.IsLower("partys", kRole));
  for (const char* w : {"part", "spokes", "Spokesman", "s", "es"})
    EXPECT_FALSE(lex.IsLower(w, kRole)) << w;
  EXPECT_TRUE(lex.IsTitle("Minister"));
  EXPECT_FALSE(lex.IsTitle("MINISTER"));
  EXPECT_TRUE(lex.IsLower("minister", kSpellings));  // a title folds to it
  const CueInfo* said = lex.Cue("said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->lemma, "say");
  EXPECT_FALSE(said->participle);
  const CueInfo* saying = lex.Cue("saying");
  ASSERT_NE(saying, nullptr);
  EXPECT_TRUE(saying->participle);
  EXPECT_EQ(lex.Cue("sai"), nullptr);
}


// The forms direct quotes take in news articles (issue 15).

// A colon introduction: the speaker and cue before the colon.
TEST(Speakers, ColonIntroduction) {
  S s = One("Trump spoke in Ohio on Monday. Trump said: \u201cWe are going to win this state, "
            "and we are going to win it big.\u201d");
  EXPECT_EQ(s.speaker, "Trump");
  EXPECT_EQ(s.cue, "say");
  EXPECT_EQ(s.rule, "NAME_SAID_QUOTE");
}

// A quote over several paragraphs: each paragraph reopens the mark, only the last closes it.
// Every paragraph takes the speaker of the first.
TEST(Speakers, QuoteOverSeveralParagraphs) {
  auto v = Speakers(
      "The mayor spoke on Tuesday. \u201cThe bridge will reopen in May,\u201d Mayor Ellen Park "
      "said. \u201cWe have found the money for the repairs.\n\n\u201cWe will also widen the "
      "road to four lanes.\n\n\u201cNobody will be left waiting.\u201d");
  ASSERT_EQ(v.size(), 4u);
  for (const S& s : v) EXPECT_EQ(s.speaker, "Ellen Park") << s.quote;
  EXPECT_EQ(v[3].quote, "Nobody will be left waiting.");
}

// A clause that ends in a colon introduces the quote in the next paragraph: its speech event,
// else its subject (a named entity or a pronoun for one; no cue). Each reopened paragraph
// continues the first one's speaker.
TEST(Speakers, ColonClauseIntroducesQuote) {
  S s = One("Governor Ellen Park spoke after the vote.\n\nPark continued:\n\n\u201cWe will "
            "rebuild every bridge in this state.\u201d");
  EXPECT_EQ(s.speaker, "Ellen Park");
  EXPECT_EQ(s.cue, "continue");
  EXPECT_EQ(s.rule, "NAME_CUE_QUOTE");
  s = One("Governor Ellen Park released the following statement:\n\n\u201cWe will rebuild "
          "every bridge in this state.\u201d");
  EXPECT_EQ(s.speaker, "Ellen Park");
  EXPECT_EQ(s.cue, "");
  EXPECT_EQ(s.rule, "LABEL_QUOTE");
  auto v = Speakers("Governor Ellen Park gestured to the crowd, then leaned in and boomed: "
                    "\u201cThe bridge will reopen in May.\n\n\u201cWe have found the money.\u201d");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].speaker, "Ellen Park");
  EXPECT_EQ(v[1].speaker, "Ellen Park");
  EXPECT_EQ(v[1].rule, "QUOTE_CONTINUATION");
  // The colon clause's subject comes before continuing the speaker of the quote before.
  v = Speakers("\u201cIt is sad that we have such poor choices,\u201d Governor Scott Walker told "
               "a radio station.\n\nSenate Majority Leader Mitch McConnell delivered a blunt "
               "message to Trump: \u201cIt is time to quit attacking people.\u201d");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[1].speaker, "Mitch McConnell");
  // A subject that names no entity is no speaker.
  EXPECT_EQ(One("Partial transcript:\n\n\u201cWe will rebuild.\u201d").rule, "QUOTE_NO_SPEAKER");
}

// After a question or exclamation the splitter starts a new sentence; the speaker right after
// the quote attributes it even when the clause goes on. After a full stop a new sentence that
// reports something else does not.
TEST(Speakers, SpeakerAfterQuestionGoesOn) {
  S s = One("The crowd laughed. \u201cHow big will the wall be?\u201d Governor Mike Pence said "
            "in response to the boy.");
  EXPECT_EQ(s.speaker, "Mike Pence");
  EXPECT_EQ(s.rule, "QUOTE_COMMA_NAME_SAID");
  s = One("The crowd laughed. \u201cWe are ready for anything.\u201d Governor Mike Pence said on "
          "Saturday he had ordered the troops home.");
  EXPECT_NE(s.rule, "QUOTE_COMMA_NAME_SAID");
}

// A verb and its particle, "and" after an unlisted past form, and "read" after a document
// attribute the quote before them.
TEST(Speakers, VerbsAfterQuotes) {
  S s = One("\u201cYou are out of order,\u201d Senator Ann Brooks shot back.");
  EXPECT_EQ(s.speaker, "Ann Brooks");
  EXPECT_EQ(s.cue, "shot");
  s = One("\u201cGet out of my office,\u201d Mayor Tom Reed barked and a guard led the man away.");
  EXPECT_EQ(s.speaker, "Tom Reed");
  s = One("\u201cNobody has listened to us for years,\u201d the letter read.");
  EXPECT_EQ(s.mention, "the letter");
  EXPECT_EQ(s.cue, "read");
}

// After a quote: a noun phrase opened by a determiner ("the suit reads", "an angry Ruiz
// retaliated"); a capitalised word the entity pass did not read as a person is the surname of
// the one person the text names so; a report verb right after a quote speaks the next one too.
TEST(Speakers, SpeakersAfterQuotes) {
  S s = One("\u201cThe chairman broke the rules,\u201d the suit reads.");
  EXPECT_EQ(s.mention, "the suit");
  s = One("Trump spoke in Paris. \u201cFrance will always be France,\u201d an angry Hector Ruiz "
          "retaliated.");
  EXPECT_EQ(s.speaker, "Hector Ruiz");
  s = One("The columnist George Will wrote about the race on Sunday. \u201cThe eruption of war "
          "is a test for every candidate,\u201d Will wrote.");
  EXPECT_EQ(s.speaker, "George Will");
  EXPECT_EQ(s.mention, "Will");
  auto v = Speakers("\u201cCompare him to the others,\u201d Sebastian Gorka urged. \u201cThis is a "
               "record nobody can excuse.\u201d");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[1].speaker, "Sebastian Gorka");
  EXPECT_EQ(v[1].rule, "QUOTE_CONTINUATION");
}

// Speakers of cues the pass used to miss: a report verb's gerund after "by", a description
// before a preposition of role, a participle's subject past a name that modifies a role noun
// and past a dateline, a verb with its particle before a quote.
TEST(Speakers, MoreSpeakerForms) {
  S s = One("Prime Minister Kenji Sato marked the anniversary by expressing \u201cremorse\u201d "
            "for the victims.");
  EXPECT_EQ(s.speaker, "Kenji Sato");
  s = One("\u201cI think it is coming,\u201d said a strategist for one of the candidates.");
  EXPECT_EQ(s.speaker, "strategist");
  s = One("The comedian Dana Lowe was booed by Bernie Sanders supporters after telling them that "
          "they were \u201cbeing ridiculous.\u201d");
  EXPECT_EQ(s.speaker, "Dana Lowe");
  s = One("WASHINGTON, Dec. 8 (UPI) -- Senator Ann Brooks rallied supporters, saying: "
          "\u201cWe have to be ready to stop him.\u201d");
  EXPECT_EQ(s.speaker, "Ann Brooks");
  s = One("After Jerry Brown criticized her during a debate, Senator Ann Brooks shot back, "
          "\u201cI chose to fulfil my profession.\u201d");
  EXPECT_EQ(s.speaker, "Ann Brooks");
  // A relative clause's speech verb speaks for the name before it; "quoted X as saying"
  // gives X to the participle too.
  s = One("Reporters contacted John Smith, who said: \u201cThe deal is done.\u201d");
  EXPECT_EQ(s.speaker, "John Smith");
  s = One("The agency quoted a witness as saying: \u201cThere was blood everywhere.\u201d");
  EXPECT_EQ(s.speaker, "witness");
  s = One("\u201cI was scared,\u201d a witness, who asked not to be named, told the agency.");
  EXPECT_EQ(s.cue, "tell");
  // A past form after a comma goes on a series of verbs whose subject opens the clause.
  s = One("Senator Ann Brooks ridiculed the tax plan, praised the governor for "
          "\u201ccourage\u201d in the budget talks.");
  EXPECT_EQ(s.speaker, "Ann Brooks");
  // A progressive ("be" and the -ing form) reads its subject like the active verb; a name
  // between commas before the verb is a participle's subject; "was quoted saying" gives the
  // one quoted; a number inside a description ("A 1970 evaluation said").
  s = One("Local clerics were describing the fighters as \u201cterrorists\u201d last week.");
  EXPECT_EQ(s.speaker, "Local clerics");
  s = One("The rebels' chief ideologue, Anton Bala, sniffed at the plan saying that \u201ca "
          "solution cannot be imposed from outside.\u201d");
  EXPECT_EQ(s.speaker, "Anton Bala");
  s = One("One unnamed naval officer was quoted saying, \u201cArms smuggling is a very "
          "profitable business.\u201d");
  EXPECT_EQ(s.speaker, "unnamed naval officer");
  s = One("A 1970 evaluation said Tom Reed \u201cclearly stands out as a top pilot.\u201d");
  EXPECT_EQ(s.mention, "A 1970 evaluation");
  // An attribution in a parenthesis after the quote.
  s = One("He went \u201cAWOL\u201d (according to Terry Ross, the party chairman) in May.");
  EXPECT_EQ(s.speaker, "Terry Ross");
  // A name followed by a description in apposition without a comma after an inverted cue.
  s = One("\u201cShow us any evidence,\u201d says Amrul Saleh the head of Kabul's National "
          "Security Directorate.");
  EXPECT_EQ(s.speaker, "Amrul Saleh");
  // "in the words of X" attributes like "according to X".
  s = One("She was ill for months and, in the words of the Crown prosecutor, Mark Tedeschi, "
          "QC, \u201cGloria spent a lot of her life in pain.\u201d");
  EXPECT_EQ(s.speaker, "Mark Tedeschi");
  EXPECT_EQ(s.cue, "words of");
  // A title's complement ("Secretary of State") is no "X of Y" speaker.
  s = One("Former Secretary of State Madeleine Albright urged women to vote, saying, "
          "\u201cThere is a special place in hell for them.\u201d");
  EXPECT_EQ(s.speaker, "Madeleine Albright");
}

// A speech event after a fragment reports the whole sentence, a report verb before it included.
TEST(Speakers, FragmentTakesSpeakerAfter) {
  S s = One("The two leaders agreed to meet in September \u201cto settle the dispute\u201d, "
            "Ambassador John Ryan said.");
  EXPECT_EQ(s.speaker, "John Ryan");
}

// A dash attribution after the closing mark, on the same line or opening the next one; a
// name (titles dropped) or a description.
TEST(Speakers, DashAttribution) {
  S s = One("The agency published its findings on Friday. \u201cWe will not allow this to "
            "happen again.\u201d \u2014 Commissioner Margaret Hale");
  EXPECT_EQ(s.speaker, "Margaret Hale");
  EXPECT_EQ(s.mention, "Margaret Hale");
  EXPECT_EQ(s.cue, "");
  EXPECT_EQ(s.rule, "QUOTE_DASH_NAME");
  s = One("He wrote a letter.\n\n\u201cI have seen the future, and it works.\u201d\n\u2014 "
          "Lincoln Steffens\n");
  EXPECT_EQ(s.speaker, "Lincoln Steffens");
  s = One("The ministry answered within an hour.\n\n\u201cWe reject every word of this "
          "report.\u201d -- the ministry spokesman\n");
  EXPECT_EQ(s.speaker, "ministry spokesman");
  EXPECT_EQ(s.rule, "QUOTE_DASH_NAME");
}

// A dash that does not name anyone attributes nothing.
TEST(Speakers, DashWithoutSpeaker) {
  S s = One("The ministry answered within an hour. \u201cWe reject every word of this "
            "report.\u201d \u2014 and then the line went dead.");
  EXPECT_EQ(s.speaker, "");
  EXPECT_EQ(s.rule, "QUOTE_NO_SPEAKER");
}

// The speaker named, with a speech verb, in the sentence before a quote that fills its own.
TEST(Speakers, SpeakerInPreviousSentence) {
  S s = One("Senator John Ryan said on Wednesday that he would vote against the plan. "
            "\u201cThis budget is a disaster for working families.\u201d");
  EXPECT_EQ(s.speaker, "John Ryan");
  EXPECT_EQ(s.rule, "SPEAKER_PREVIOUS_SENTENCE");
}


// A label before the colon that opens a quote, with no speech verb: a name or a description,
// at the start of its sentence, after a dash or after "from".
TEST(Speakers, LabelColonQuote) {
  S s = One("The polls moved again. Philip Bump: \u201cTwo weeks ago, his strongest territory "
            "had been the South.\u201d");
  EXPECT_EQ(s.speaker, "Philip Bump");
  EXPECT_EQ(s.cue, "");
  EXPECT_EQ(s.rule, "LABEL_QUOTE");
  s = One("Not all panels are equal. More from the report: \u201cSamples with longer field "
          "periods produced more accurate results.\u201d");
  EXPECT_EQ(s.mention, "the report");
  EXPECT_EQ(s.rule, "LABEL_QUOTE");
  // A speech verb before the colon is the event's rule; a clause is no label.
  EXPECT_EQ(One("McCrummen reports: \u201cThe school closed.\u201d").rule, "NAME_CUE_QUOTE");
  EXPECT_EQ(One("He had one message: \u201cThe school closed.\u201d").rule, "QUOTE_NO_SPEAKER");
}


// A transcript's turns: a line opening with a label in capitals and a colon is a direct quote
// of the person the text names with that last name; a label that names nobody is no turn.
TEST(Speakers, TranscriptTurns) {
  const std::string text =
      "Mike Pence and Tim Kaine met for the debate in Virginia.\n\nPENCE: Well, look, we are "
      "going to rebuild our military.\n\nKAINE: The governor is wrong about that.\n\nUPDATE: "
      "The debate ended at ten.\n";
  auto v = Speakers(text);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].quote, "Well, look, we are going to rebuild our military.");
  EXPECT_EQ(v[0].speaker, "Mike Pence");
  EXPECT_EQ(v[0].mention, "PENCE");
  EXPECT_EQ(v[0].kind, "direct");
  EXPECT_EQ(v[0].rule, "TRANSCRIPT_TURN");
  EXPECT_EQ(v[1].speaker, "Tim Kaine");
  // Two people of the name: the label names neither.
  EXPECT_TRUE(Speakers("Ann Clark and Joe Clark spoke.\n\nCLARK: We will vote no on the bill.\n").empty());
}

// A headline quote whose words all stand in a later attributed body quote takes that quote's
// speaker; one with a word the body quote lacks takes none.
TEST(Speakers, HeadlineRepeatsBody) {
  const std::string body =
      "\n\nMoscow, March 3. Foreign Minister Sergey Lavrov said: \u201CWe will not give up this "
      "fight.\u201D\n";
  auto v = Speakers("\u201CWe will not give up\u201D" + body);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].speaker, "Sergey Lavrov");
  EXPECT_EQ(v[0].rule, "HEADLINE_REPEATS_BODY");
  EXPECT_EQ(v[0].cue, "say");
  auto w = Speakers("\u201CWe will never give up\u201D" + body);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].speaker, "");
  EXPECT_NE(w[0].rule, "HEADLINE_REPEATS_BODY");
}

}  // namespace
}  // namespace presslens
