// The name tables of core/types.h: every code has the name the schema documents.
#include "types.h"

#include <gtest/gtest.h>

namespace presslens {
namespace {

TEST(Types, EntityTypeNamesRoundTrip) {
  for (const char* name : {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT"}) {
    EXPECT_TRUE(ValidEntityType(name)) << name;
    EXPECT_EQ(EntityTypeName(EntityTypeOf(name)), name);
  }
  EXPECT_EQ(EntityTypeOf("person"), EntityType::kMisc);
  EXPECT_EQ(EntityTypeOf("MISC"), EntityType::kMisc);
  EXPECT_FALSE(ValidEntityType("MISC"));
  EXPECT_FALSE(ValidEntityType(""));
}

TEST(Types, QuoteKindAndMentionRuleNames) {
  EXPECT_EQ(QuoteKindName(QuoteKind::kDirect), "direct");
  EXPECT_EQ(QuoteKindName(QuoteKind::kPartial), "partial");
  EXPECT_EQ(QuoteKindName(QuoteKind::kScare), "scare");
  EXPECT_EQ(MentionRuleName(MentionRule::kModel), "model");
  EXPECT_EQ(MentionRuleName(MentionRule::kGazetteer), "gazetteer");
}

QuoteRuleId Event(SpeakerForm speaker, SpeechCueForm cue, bool after, bool inverted) {
  QuoteRuleId id;
  id.rule = QuoteRule::kEvent;
  id.speaker = speaker;
  id.cue = cue;
  id.after = after;
  id.inverted = inverted;
  return id;
}

TEST(Types, QuoteRuleNamesComposeTheEventReading) {
  // "Q," Lavrov said. / "Q," said Lavrov. / Lavrov said: "Q".
  EXPECT_EQ(QuoteRuleName(Event(SpeakerForm::kName, SpeechCueForm::kSaid, true, false)),
            "QUOTE_COMMA_NAME_SAID");
  EXPECT_EQ(QuoteRuleName(Event(SpeakerForm::kName, SpeechCueForm::kSaid, true, true)),
            "QUOTE_COMMA_SAID_NAME");
  EXPECT_EQ(QuoteRuleName(Event(SpeakerForm::kPronoun, SpeechCueForm::kTold, false, false)),
            "PRONOUN_TOLD_QUOTE");
  EXPECT_EQ(QuoteRuleName(Event(SpeakerForm::kDescription, SpeechCueForm::kOther, true, false)),
            "QUOTE_COMMA_DESCRIPTION_CUE");
  EXPECT_EQ(QuoteRuleName(Event(SpeakerForm::kJoint, SpeechCueForm::kTermed, false, false)),
            "JOINT_TERMED_QUOTE");
  EXPECT_EQ(QuoteRuleName(Event(SpeakerForm::kName, SpeechCueForm::kAccordingTo, true, false)),
            "QUOTE_ACCORDING_TO_NAME");
  EXPECT_EQ(QuoteRuleName(Event(SpeakerForm::kName, SpeechCueForm::kAccordingTo, false, false)),
            "ACCORDING_TO_NAME_QUOTE");
}

TEST(Types, QuoteRuleNamesOfTheOtherRules) {
  EXPECT_EQ(QuoteRuleName({QuoteRule::kScare}), "QUOTE_SCARE");
  EXPECT_EQ(QuoteRuleName({QuoteRule::kNoSpeaker}), "QUOTE_NO_SPEAKER");
  EXPECT_EQ(QuoteRuleName({QuoteRule::kContinuation}), "QUOTE_CONTINUATION");
  EXPECT_EQ(QuoteRuleName({QuoteRule::kContinuedByNext}), "QUOTE_CONTINUED_BY_NEXT");
  EXPECT_EQ(QuoteRuleName({QuoteRule::kHeadlineRepeatsBody}), "HEADLINE_REPEATS_BODY");
  EXPECT_EQ(QuoteRuleName({QuoteRule::kSpeakerPreviousSentence}), "SPEAKER_PREVIOUS_SENTENCE");
  EXPECT_EQ(QuoteRuleName({QuoteRule::kDashName}), "QUOTE_DASH_NAME");
  EXPECT_EQ(QuoteRuleName({QuoteRule::kLabel}), "LABEL_QUOTE");
  EXPECT_EQ(QuoteRuleName({QuoteRule::kTranscript}), "TRANSCRIPT_TURN");
}

TEST(Types, CondemnationRuleNames) {
  EXPECT_EQ(CondemnationRuleName({CondemnationRule::kActive}), "CONDEMN_ACTIVE");
  EXPECT_EQ(CondemnationRuleName({CondemnationRule::kAccuseOf}), "CONDEMN_ACCUSE_OF");
  EXPECT_EQ(CondemnationRuleName({CondemnationRule::kReducedRelative}), "CONDEMN_REDUCED_RELATIVE");
  EXPECT_EQ(CondemnationRuleName({CondemnationRule::kReportedDeontic, true}),
            "CONDEMN_REPORTED_DEONTIC+QUOTE_SPEAKER");
}

}  // namespace
}  // namespace presslens
