// Condemnations: the verbal sense of "attack" and "insult" (ANNOTATION.md: "attack (verbal)";
// physical attacks are no condemnation), negative and coordinated subjects, and idioms of
// verbal attack. Invented sentences.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "presslens/presslens.h"
#include "condemnation_test_util.h"

namespace presslens {
namespace {

// ---- "attack": verbal with a person as object and an actor as source.

TEST(CondemnationVerbalAttack, PersonObjectWithActorSource) {
  Found f = One("Besides attacking the former governor, Senator Mary Holt praised the farm bill.");
  EXPECT_EQ(f.cue, "attacking");
  EXPECT_EQ(f.target, "the former governor");
  EXPECT_EQ(f.source, "Mary Holt");
}

TEST(CondemnationVerbalAttack, ReasonAfterOverMakesItVerbal) {
  Found f = One("The mayor attacked the council over the new parking rules.");
  EXPECT_EQ(f.cue, "attacked");
  EXPECT_EQ(f.target, "the council");
}

TEST(CondemnationVerbalAttack, InstrumentMakesItPhysical) {
  ExpectNone("Witnesses said Tom Reyes attacked him with a hammer outside the bar.");
}

TEST(CondemnationVerbalAttack, WordsOfViolenceMakeItPhysical) {
  ExpectNone("Gunmen attacked the mayor on Sunday, killing two of his guards.");
  ExpectNone("The attacks on the senator left three people injured.");
}

TEST(CondemnationVerbalAttack, VerbalMeansStayVerbal) {
  Found f = One("Senator Ana Lopez attacked him with insults during the debate.");
  EXPECT_EQ(f.target, "him");
}

TEST(CondemnationVerbalAttack, NoActorSourceIsNoFinding) {
  ExpectNone("The storm attacked them for hours.");
}

TEST(CondemnationVerbalAttack, NounWithPersonOwnerOrTarget) {
  Found f = One("Senator Paul Dane stepped up his attacks on Governor Lee Marsh.");
  EXPECT_EQ(f.cue, "attacks");
  EXPECT_EQ(f.target, "Governor Lee Marsh");
}

TEST(CondemnationVerbalAttack, NounFromAgentOverTopic) {
  Found f = One("He held firm amid attacks from Senator Joan Pike over his farm policies.");
  EXPECT_EQ(f.cue, "attacks");
  EXPECT_EQ(f.target, "his farm policies");
  EXPECT_EQ(f.source, "Joan Pike");
}

// ---- negative and coordinated subjects

TEST(CondemnationSubjects, NoneOfIsNegated) {
  Found f = One("None of her rivals attacked her over the issue on Tuesday.");
  EXPECT_EQ(f.cue, "attacked");
  EXPECT_TRUE(f.negated);
}

TEST(CondemnationSubjects, CoordinatedNamesAreOneJointSource) {
  Found f = One("Mr. Harlan and Mr. Osei condemned the housing plan on Monday.");
  EXPECT_EQ(f.source, "Harlan & Osei");
  EXPECT_EQ(f.target, "the housing plan");
}

TEST(CondemnationSubjects, FloatingQuantifierAfterCoordinatedSubject) {
  Found f = One("He and Senator Rob Tallis both condemned the new toll in statements.");
  EXPECT_EQ(f.target, "the new toll");
  EXPECT_NE(f.source.find('&'), std::string::npos);
}

// ---- insult, idioms, "not condone"

TEST(CondemnationVerbalAttack, InsultByAnActor) {
  Found f = One("Senator Ruth Kemp stopped insulting the governor after the vote.");
  EXPECT_EQ(f.cue, "insulting");
  EXPECT_TRUE(f.negated);
  EXPECT_EQ(f.target, "the governor");
}

TEST(CondemnationVerbalAttack, InsultsLobbedAt) {
  Found f = One("Senator Ruth Kemp regretted lobbing insults at the governor.");
  EXPECT_EQ(f.cue, "insults");
  EXPECT_EQ(f.target, "the governor");
}

TEST(CondemnationVerbalAttack, RipIntoAndTearInto) {
  EXPECT_EQ(One("The senator ripped into the budget plan on Friday.").target, "the budget plan");
  EXPECT_EQ(One("The senator tore into the budget plan on Friday.").cue, "tore into");
}

TEST(CondemnationVerbalAttack, NotCondoneIsTheDisapproval) {
  Found f = One("\"We do not condone the violence,\" the league's president, Ada Marsh, said.");
  EXPECT_NE(f.cue.find("condone"), std::string::npos);
  EXPECT_EQ(f.target, "the violence");
  EXPECT_FALSE(f.negated);
  ExpectNone("The league condones the violence.");
}

TEST(CondemnationVerbalAttack, NotLikeInTheHoldersOwnWords) {
  Found f = One("\"I don't like it,\" the mayor, Ada Marsh, said of the ruling.");
  EXPECT_NE(f.cue.find("like"), std::string::npos);
  EXPECT_EQ(f.target, "it");
  EXPECT_FALSE(f.negated);
  ExpectNone("\"I like it,\" the mayor, Ada Marsh, said of the ruling.");
  ExpectNone("Many voters did not like the slogan.");
}

TEST(CondemnationVerbalAttack, DemonstrativeObject) {
  Found f = One("\"But we do not condone that at all,\" the league's president, Ada Marsh, said.");
  EXPECT_EQ(f.target, "that");
  // A relative "that" is no object.
  ExpectNone("Crowds gathered for rallies and protests that have continued since June.");
}

TEST(CondemnationVerbalAttack, HowToIsADeliberation) {
  ExpectNone("Senator Ann Hale is weighing how to attack her rival in the debate.");
  ExpectNone("The party is deciding whether to condemn the vote.");
}

TEST(CondemnationVerbalAttack, InfinitiveAfterANounOfPossibility) {
  ExpectNone("There are better ways to criticize the mayor.");
  ExpectNone("There are better ways to express your opposition to the mayor.");
  EXPECT_EQ(One("Workers held a strike to protest the closures.").target, "the closures");
  EXPECT_EQ(One("The senator went out of his way to criticize the agency.").target, "the agency");
}

TEST(CondemnationVerbalAttack, InsteadOfIsNoReportedAct) {
  for (const Found& f : Condemnations("Instead of attacking me, the senators should apologize."))
    EXPECT_TRUE(f.negated) << f.cue;
}

TEST(CondemnationVerbalAttack, ReducedPassiveWithALabel) {
  Found f = One("The toll plan, denounced as unfair and costly, passed on Monday.");
  EXPECT_EQ(f.cue, "denounced");
  EXPECT_EQ(f.target, "The toll plan");
  EXPECT_FALSE(f.has_source);
}

TEST(CondemnationVerbalAttack, StrikingVerbWithVerbalMeans) {
  Found f = One("Senator Joan Pike has hammered the governor with insults for weeks.");
  EXPECT_EQ(f.cue, "hammered");
  EXPECT_EQ(f.target, "the governor");
  ExpectNone("The storm hammered the town with rain for weeks.");
}

TEST(CondemnationVerbalAttack, CriticismThatTargetsTheClauseSubject) {
  Found f = One("Senator Joan Pike's criticism that the governor lied about the budget stung.");
  EXPECT_EQ(f.cue, "criticism");
  EXPECT_EQ(f.target.rfind("the governor", 0), 0u) << f.target;
}

TEST(CondemnationVerbalAttack, RequestedRefusalIsNoFinding) {
  ExpectNone("The chairman urged the senators to refrain from attacking their rivals.");
  ExpectNone("The host asked the candidates to discuss their plans and refrain from attacking "
             "their rivals.");
  EXPECT_TRUE(One("Senator Ann Hale refrained from attacking her rival on Monday.").negated);
}

TEST(CondemnationVerbalAttack, SwipeAtAndPounceOn) {
  EXPECT_EQ(One("Senator Joan Pike swipes at Governor Tim Wells over the budget.").target,
            "Governor Tim Wells");
  EXPECT_EQ(One("Republicans quickly pounced on the governor's announcement.").target,
            "the governor's announcement");
  ExpectNone("The senator pounced on the opportunity.");
}

TEST(CondemnationVerbalAttack, Eviscerate) {
  EXPECT_EQ(One("Senator Joan Pike eviscerated the governor's budget on Monday.").target,
            "the governor's budget");
}

TEST(CondemnationVerbalAttack, RejectingAttacksIsADenial) {
  std::vector<Found> all = Condemnations("Senator Joan Pike rejected the attacks on her record.");
  for (const Found& f : all) EXPECT_NE(f.cue, "rejected");
}

TEST(CondemnationVerbalAttack, IntentionIsNoFinding) {
  ExpectNone("A new group that intends to attack Governor Tim Wells raised money on Monday.");
  ExpectNone("Senator Joan Pike aims to criticize the budget in her speech.");
  ExpectNone("The donors shared their ideas for attacking Governor Tim Wells.");
  EXPECT_EQ(One("Senator Joan Pike criticized the budget in her speech.").cue, "criticized");
}

TEST(CondemnationSubjects, CurlyApostropheNegation) {
  Found f = One("The senator didn\u2019t criticize the plan.");
  EXPECT_EQ(f.cue, "criticize");
  EXPECT_TRUE(f.negated);
}

}  // namespace
}  // namespace presslens
