// The knowledge base (data/kb.tsv) and the ids and types the entity pass takes from it.
#include "knowledge_base.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "presslens/presslens.h"
#include "test_util.h"

namespace presslens {
namespace {

const std::vector<std::string_view> kNoCountries;

std::string IdOf(std::string_view name, EntityType type,
                 const std::vector<std::string_view>& countries = kNoCountries) {
  const std::optional<KbEntry> e = KnowledgeBase::Get().Find(name, type, countries);
  return e ? std::string(e->wikidata) : "none";
}

TEST(KnowledgeBase, Loaded) { EXPECT_GT(KnowledgeBase::Get().size(), 10000u); }

TEST(KnowledgeBase, FindsSourcedIds) {
  EXPECT_EQ(IdOf("Facebook", EntityType::kOrg), "Q355");           // curated, from GUM's map
  EXPECT_EQ(IdOf("Vladimir Putin", EntityType::kPerson), "Q7747");  // curated
  EXPECT_EQ(IdOf("Mitch McConnell", EntityType::kPerson), "Q355522");  // Congress tables
  EXPECT_EQ(IdOf("Russia", EntityType::kGpe), "Q159");              // country codes
  EXPECT_EQ(IdOf("NATO", EntityType::kOrg), "Q7184");               // international orgs
  EXPECT_EQ(IdOf("Democratic National Committee", EntityType::kOrg), "Q1185863");  // curated
  EXPECT_EQ(IdOf("U.S. Army", EntityType::kOrg), "Q9212");          // curated alias
}

TEST(KnowledgeBase, TypesMustAgree) {
  EXPECT_EQ(IdOf("Facebook", EntityType::kPerson), "none");
  EXPECT_EQ(IdOf("Vladimir Putin", EntityType::kOrg), "none");
  EXPECT_EQ(IdOf("Russia", EntityType::kLoc), "Q159");  // GPE and LOC agree
}

TEST(KnowledgeBase, WholeNamesInTheirCase) {
  EXPECT_EQ(IdOf("Putin", EntityType::kPerson), "none");
  EXPECT_EQ(IdOf("FACEBOOK", EntityType::kOrg), "Q355");  // a headline
  EXPECT_EQ(IdOf("facebook", EntityType::kOrg), "none");
}

TEST(KnowledgeBase, AmbiguousNamesHaveNoId) {
  // Two presidents, one of them without an id in the source.
  EXPECT_EQ(IdOf("George Bush", EntityType::kPerson), "none");
  // Dozens of parties share the name; the text's countries single one out.
  EXPECT_EQ(IdOf("Republican Party", EntityType::kOrg), "none");
  EXPECT_EQ(IdOf("Republican Party", EntityType::kOrg, {"United States"}), "Q29468");
  EXPECT_EQ(IdOf("Republican Party", EntityType::kOrg, {"United States", "Brazil"}), "none");
}

TEST(KnowledgeBase, OneWordOrganisationNeedsItsCountry) {
  // "Coalition" (an Australian party) is dropped by the generator as a common word; a
  // one-word party name that is not needs its country in the text.
  const KnowledgeBase& kb = KnowledgeBase::Get();
  EXPECT_FALSE(kb.Find("Coalition", EntityType::kOrg, kNoCountries));
}

TEST(KnowledgeBase, CuratedNameLeavesOutOtherSenses) {
  // The broadcaster, known without an id; a party of Malaysia of that acronym is left out.
  EXPECT_EQ(IdOf("PBS", EntityType::kOrg), "");
  EXPECT_EQ(IdOf("PBS", EntityType::kOrg, {"Malaysia"}), "");
  EXPECT_TRUE(KnowledgeBase::Get().Find("PBS", EntityType::kOrg, kNoCountries)->curated);
}

TEST(KnowledgeBase, SourceLinesCutInsideBracketsAreNoNames) {
  EXPECT_EQ(IdOf("(The Arizona Sentinel", EntityType::kOrg), "none");
}

TEST(KnowledgeBase, NamesOnlyNonPersons) {
  const KnowledgeBase& kb = KnowledgeBase::Get();
  EXPECT_TRUE(kb.NamesOnlyNonPersons("Facebook"));
  EXPECT_FALSE(kb.NamesOnlyNonPersons("Vladimir Putin"));
  EXPECT_FALSE(kb.NamesOnlyNonPersons("Zqxv Unknownname"));
}

TEST(KnowledgeBase, PeopleOfTheActorDictionariesAreNoOrganisations) {
  // PETRARCH2 codes people as the group they act for; their names are persons' (no id).
  const KnowledgeBase& kb = KnowledgeBase::Get();
  EXPECT_EQ(kb.TypesNamed("Osama bin Laden"), KnowledgeBase::kKbPerson);
  EXPECT_EQ(kb.TypesNamed("Bin Laden") & KnowledgeBase::kKbOrg, 0);
  EXPECT_EQ(kb.TypesNamed("Hans Blix") & KnowledgeBase::kKbOrg, 0);
  EXPECT_NE(kb.TypesNamed("Red Crescent") & KnowledgeBase::kKbOrg, 0);
}

TEST(KnowledgeBase, ArabicArticleWithASpaceOrAHyphen) {
  const KnowledgeBase& kb = KnowledgeBase::Get();
  EXPECT_EQ(kb.TypesNamed("Al Jazeera"), KnowledgeBase::kKbOrg);
  EXPECT_EQ(kb.TypesNamed("Al-Jazeera"), KnowledgeBase::kKbOrg);
  EXPECT_EQ(kb.TypesNamed("Al-Gore"), 0);
}

const Entity* Named(const Result& r, const std::string& name) {
  for (const Entity& e : r.entities)
    if (e.name == name) return &e;
  return nullptr;
}

TEST(EntityIds, FullNameGetsTheIdAndCountry) {
  const Result r = SharedAnalyzer().Analyze(
      "Russian President Vladimir Putin met reporters on Tuesday. Putin said little.");
  const Entity* putin = Named(r, "Vladimir Putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->wikidata, "Q7747");
  EXPECT_EQ(putin->country, "Russia");
  EXPECT_EQ(putin->mentions.size(), 2u);
  const Entity* russian = Named(r, "Russian");
  ASSERT_NE(russian, nullptr);
  EXPECT_EQ(russian->type, "NORP");
  EXPECT_EQ(russian->wikidata, "Q159");  // via its country
}

TEST(EntityIds, UnknownOrPartialNamesGetNone) {
  const Result r = SharedAnalyzer().Analyze(
      "Maria Quintanovska, a baker in Lodz, said Putin was wrong.");
  for (const Entity& e : r.entities)
    if (e.type == "PERSON") EXPECT_TRUE(e.wikidata.empty()) << e.name;
}

TEST(EntityIds, InJson) {
  const std::string text = "Officials at NATO met on Monday.";
  const std::string json = ToJson(SharedAnalyzer().Analyze(text), text);
  EXPECT_NE(json.find("\"wikidata\":\"Q7184\""), std::string::npos) << json;
}

TEST(EntityTypes, KnownOrganisationIsNeverAPerson) {
  // A caption line names the network on its own, where the tagger reads a person.
  const Result r = SharedAnalyzer().Analyze("See Facebook\n\nShe posted the video on Facebook.");
  for (const Entity& e : r.entities)
    if (e.name.find("Facebook") != std::string::npos) EXPECT_NE(e.type, "PERSON") << e.name;
}

TEST(EntityTypes, PersonIntroducedAsOneStaysAPerson) {
  // "Bloomberg" alone is a curated organisation; the text introduces the person.
  const Result r = SharedAnalyzer().Analyze(
      "Former Mayor Michael Bloomberg endorsed her on Wednesday. Bloomberg said he was "
      "worried, according to The Atlantic.");
  const Entity* person = Named(r, "Michael Bloomberg");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->type, "PERSON");
  EXPECT_EQ(person->mentions.size(), 2u);
  const Entity* magazine = Named(r, "The Atlantic");
  ASSERT_NE(magazine, nullptr);
  EXPECT_EQ(magazine->type, "ORG");
}

TEST(EntityTypes, PlaceTitlePersonIsThreeThings) {
  const std::string text =
      "Springfield Mayor Alma Petrovna Ruiz opened the bridge. Ruiz thanked Springfield for "
      "its patience.";
  const Result r = SharedAnalyzer().Analyze(text);
  const Entity* ruiz = Named(r, "Alma Petrovna Ruiz");
  ASSERT_NE(ruiz, nullptr);
  EXPECT_EQ(ruiz->type, "PERSON");
  EXPECT_EQ(ruiz->title, "Mayor");
  EXPECT_EQ(ruiz->mentions.size(), 2u);
  const Entity* place = Named(r, "Springfield");
  ASSERT_NE(place, nullptr);
  EXPECT_EQ(place->type, "GPE");
  EXPECT_EQ(place->mentions.size(), 2u);
}

TEST(EntityTypes, CompanyBeforeATitleIsNoPlace) {
  // Only titles of offices named after a place make the name before them a place.
  const Result r = SharedAnalyzer().Analyze("Zentrova Analyst Mira Hollis said sales fell.");
  for (const Entity& e : r.entities) EXPECT_NE(e.type, "GPE") << e.name;
}

TEST(EntityTypes, OneNameOneTypeFromAllMentions) {
  // The tagger reads the last mention as a place on its own.
  const Result r = SharedAnalyzer().Analyze(
      "The deal with Kestrava closed on Monday. Kestrava shares rose 4 percent in Kestrava "
      "trading.");
  int kestrava = 0;
  for (const Entity& e : r.entities)
    if (e.name == "Kestrava") {
      ++kestrava;
      EXPECT_EQ(e.type, "ORG");
      EXPECT_EQ(e.mentions.size(), 3u);
    }
  EXPECT_EQ(kestrava, 1);
}

TEST(EntityTypes, HeadlineFragmentIsNoName) {
  const std::string text =
      "Helen Marlowe Was Rushed to Hospital After Fall\n\n"
      "Helen Marlowe was rushed to a hospital on Sunday after a fall, her office said. Marlowe "
      "is expected to recover.";
  const Result r = SharedAnalyzer().Analyze(text);
  const Entity* marlowe = Named(r, "Helen Marlowe");
  ASSERT_NE(marlowe, nullptr);
  EXPECT_EQ(marlowe->type, "PERSON");
  EXPECT_EQ(marlowe->mentions.size(), 3u);
  for (const Entity& e : r.entities) EXPECT_EQ(e.name.find("Rushed"), std::string::npos) << e.name;
}

TEST(EntityTypes, TitlesAloneAreNoNames) {
  const std::string text =
      "Mr. Obama met Sen. Harry Reid, the Senate Minority Leader. The president said the "
      "President of the Senate had not been told.";
  const Result r = SharedAnalyzer().Analyze(text);
  for (const Entity& e : r.entities)
    for (const char* title : {"Mr", "Sen", "President", "Senate Minority"})
      EXPECT_NE(e.name, title) << e.type;
  const Entity* senate = Named(r, "Senate");
  ASSERT_NE(senate, nullptr);
  EXPECT_EQ(senate->type, "ORG");
}

TEST(EntityTypes, KnownPersonsArePersons) {
  // The tagger learned "Trump" as a company (a 1996 casino group); the knowledge base knows
  // the full name as a person's, and the person's other mentions follow it.
  const std::string text =
      "Speaker of the House Mitch McConnell and Donald Trump met. Trump said McConnell agreed.";
  const Result r = SharedAnalyzer().Analyze(text);
  const Entity* trump = Named(r, "Donald Trump");
  ASSERT_NE(trump, nullptr);
  EXPECT_EQ(trump->type, "PERSON");
  EXPECT_EQ(trump->wikidata, "Q22686");
  EXPECT_EQ(trump->mentions.size(), 2u);
  const Entity* mcconnell = Named(r, "Mitch McConnell");
  ASSERT_NE(mcconnell, nullptr);
  EXPECT_EQ(mcconnell->type, "PERSON");
}

TEST(EntityTypes, PartyShortNamesAreOrganisations) {
  const Result r = SharedAnalyzer().Analyze(
      "GOP leaders in the House met American donors on Monday.");
  const Entity* gop = Named(r, "Republican Party");
  ASSERT_NE(gop, nullptr);
  EXPECT_EQ(gop->type, "ORG");
  EXPECT_EQ(gop->wikidata, "Q29468");  // the text names the United States ("American")
  const Entity* house = Named(r, "House of Representatives");
  ASSERT_NE(house, nullptr);
  EXPECT_EQ(house->type, "ORG");
}

TEST(EntityTypes, TitleCaseHeadlineWordsAreNoName) {
  const std::string text =
      "Small Steps Toward Bigger Savings\n\n"
      "Families can take small steps toward savings, and bigger ones later, said Dana Kroll "
      "of Harlow Bank.";
  const Result r = SharedAnalyzer().Analyze(text);
  for (const Entity& e : r.entities) EXPECT_EQ(e.name.find("Steps"), std::string::npos) << e.name;
  EXPECT_NE(Named(r, "Dana Kroll"), nullptr);
}

TEST(EntityTypes, PlaceNamesTakeNoIdOfAnotherThing) {
  // "New Hampshire" is also a student newspaper's name in the knowledge base.
  const Result r = SharedAnalyzer().Analyze("New Hampshire beat Vermont 3-1 on Saturday.");
  for (const Entity& e : r.entities)
    if (e.name == "New Hampshire") EXPECT_TRUE(e.type != "ORG" || e.wikidata.empty()) << e.wikidata;
}

TEST(EntityTypes, CuratedNamesTheTaggerMissedAreFound) {
  const std::string text = "Follow the coverage on Twitter.";
  const Result r = SharedAnalyzer().Analyze(text);
  const Entity* twitter = Named(r, "Twitter");
  ASSERT_NE(twitter, nullptr);
  EXPECT_EQ(twitter->type, "ORG");
  EXPECT_EQ(twitter->wikidata, "Q918");
}

TEST(EntityTypes, SentenceInitialTheIsNoPartOfTheName) {
  const std::string text = "The Washington Post published a story.";
  const Result r = SharedAnalyzer().Analyze(text);
  const Entity* post = Named(r, "Washington Post");
  ASSERT_NE(post, nullptr);
  EXPECT_EQ(Text(text, post->mentions[0]), "Washington Post");
}

TEST(EntityTypes, KnownOrganisationWinsOverTheTaggersPart) {
  // The knowledge base has "Peabody Energy Corp" (PETRARCH2) without its legal suffix too.
  const std::string text = "Analysts said Peabody Energy cut its forecast on Monday.";
  const Result r = SharedAnalyzer().Analyze(text);
  const Entity* peabody = Named(r, "Peabody Energy");
  ASSERT_NE(peabody, nullptr);
  EXPECT_EQ(peabody->type, "ORG");
}

TEST(EntityTypes, LawsAndPrizesAreNoEntities) {
  const Result r = SharedAnalyzer().Analyze(
      "The rules under the Clean Water Act were praised by Marta Lind, who won the Halvorsen "
      "Prize last year.");
  for (const Entity& e : r.entities) {
    EXPECT_EQ(e.name.find("Act"), std::string::npos) << e.name;
    EXPECT_EQ(e.name.find("Prize"), std::string::npos) << e.name;
  }
}

TEST(EntityTypes, SentenceOpeningCommonWordsAreNoNames) {
  const Result r = SharedAnalyzer().Analyze(
      "\"Are we going to win? Absolutely.\" The council met on Monday. \"Absolutely,\" she "
      "said.");
  for (const Entity& e : r.entities) EXPECT_NE(e.name, "Absolutely") << e.type;
}

TEST(EntityTypes, HeadlineSpanIsCutIntoTheBodysNames) {
  const std::string text =
      "Harlow Bank Report Angers Dana Kroll Supporters\n\n"
      "Harlow Bank published a report on Monday. Dana Kroll said it was wrong.";
  const Result r = SharedAnalyzer().Analyze(text);
  const Entity* kroll = Named(r, "Dana Kroll");
  ASSERT_NE(kroll, nullptr);
  EXPECT_EQ(kroll->mentions.size(), 2u);
  const Entity* bank = Named(r, "Harlow Bank");
  ASSERT_NE(bank, nullptr);
  EXPECT_EQ(bank->mentions.size(), 2u);
}

TEST(EntityIds, NoIdForAModifierOrAPartOfALongerName) {
  // "Stars and Stripes" is a newspaper's name in the knowledge base; here it names a flag.
  // "National Committee" is a Greek party's; here it is part of a longer name.
  const Result r = SharedAnalyzer().Analyze(
      "The Stars and Stripes flag was lowered in Berlin. The Democratic National Committee met "
      "in Ohio.");
  for (const Entity& e : r.entities) {
    EXPECT_NE(e.wikidata, "Q1813221") << e.name;
    EXPECT_NE(e.wikidata, "Q14567930") << e.name;
  }
}

TEST(EntityIds, ActorStandingForACountryHasNoCountryId) {
  // The institutions stand for the United States (refersTo); the country's id is not theirs.
  const Result r = SharedAnalyzer().Analyze(
      "Officials at the White House said on Monday that Congress would vote on the bill. The "
      "United States has not commented.");
  for (const char* name : {"White House", "Congress"}) {
    const Entity* e = Named(r, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->refers_to, "United States") << name;
    EXPECT_NE(e->wikidata, "Q30") << name;
  }
  const Entity* us = Named(r, "United States");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->wikidata, "Q30");
}

TEST(EntityIds, NationalityBeforeAKnownOrganisation) {
  // The nationality is a mention of its own, and the organisation keeps its id, whether the
  // tagger read one span or two.
  const Result r = SharedAnalyzer().Analyze(
      "Shares of Japanese Toyota rose on Monday, while British BBC staff went on strike.");
  const Entity* toyota = Named(r, "Toyota");
  ASSERT_NE(toyota, nullptr);
  EXPECT_EQ(toyota->wikidata, "Q53268");
  const Entity* bbc = Named(r, "BBC");
  ASSERT_NE(bbc, nullptr);
  EXPECT_EQ(bbc->wikidata, "Q9531");
  const Entity* british = Named(r, "British");
  ASSERT_NE(british, nullptr);
  EXPECT_EQ(british->type, "NORP");
}

TEST(EntityTypes, ShortFormOfAnOrganisationIsNoPerson) {
  // The tagger reads the company's short form as a surname; the text names the company.
  const Result r = SharedAnalyzer().Analyze(
      "Whitlock Medical Industries Inc said Friday it completed the acquisition of a drug maker "
      "in Ohio. Whitlock said the deal was worth about $30 million.");
  const Entity* whitlock = Named(r, "Whitlock Medical Industries Inc");
  ASSERT_NE(whitlock, nullptr);
  EXPECT_EQ(whitlock->type, "ORG");
  EXPECT_EQ(whitlock->mentions.size(), 2u);
  for (const Entity& e : r.entities) EXPECT_NE(e.type, "PERSON") << e.name;
}

TEST(EntityTypes, PersonIntroducedByFullNameStaysAPerson) {
  // A person whose surname is also a word of a company's name in the text.
  const Result r = SharedAnalyzer().Analyze(
      "Michael Harlan, who founded Harlan Brewing Co, retired on Friday. Harlan said he would "
      "travel.");
  const Entity* person = Named(r, "Michael Harlan");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->type, "PERSON");
}

TEST(EntityTypes, HandleIsAMentionOfTheEntityItSpells) {
  const std::string text =
      "Mira Castell sang at the gala on Friday, and Zentrova Records filmed it.\n\n"
      "What a night.@MiraCastell thanks everyone. \xE2\x80\x94 Zentrova Records (@ZentrovaRecords) "
      "May 2, 2016.";
  const Result r = SharedAnalyzer().Analyze(text);
  const Entity* singer = Named(r, "Mira Castell");
  ASSERT_NE(singer, nullptr);
  ASSERT_EQ(singer->mentions.size(), 2u);
  EXPECT_EQ(Text(text, singer->mentions[1]), "MiraCastell");
  const Entity* label = Named(r, "Zentrova Records");
  ASSERT_NE(label, nullptr);
  ASSERT_EQ(label->mentions.size(), 3u);
  EXPECT_EQ(Text(text, label->mentions[2]), "ZentrovaRecords");
  for (const Entity& e : r.entities) EXPECT_NE(e.name, "MiraCastell");
}

TEST(EntityTypes, AuxiliaryBeforeNotIsNoName) {
  const Result r = SharedAnalyzer().Analyze(
      "\"Don't leave it on the field,\" Ana Ruiz told the crowd. Why Voters Don't Trust Polls.");
  for (const Entity& e : r.entities) {
    EXPECT_NE(e.name, "Do");
    EXPECT_EQ(e.name.find(" Do"), std::string::npos) << e.name;
  }
  EXPECT_NE(Named(r, "Ana Ruiz"), nullptr);
}

TEST(EntityTypes, OrganisationAndPersonInOneSpanAreTwoMentions) {
  const std::string text =
      "Mira Castell spoke on Monday. In a meeting with the editorial board of the Washington "
      "Post Castell said that taxes would fall.";
  const Result r = SharedAnalyzer().Analyze(text);
  const Entity* post = Named(r, "Washington Post");
  ASSERT_NE(post, nullptr);
  EXPECT_EQ(post->type, "ORG");
  const Entity* castell = Named(r, "Mira Castell");
  ASSERT_NE(castell, nullptr);
  EXPECT_EQ(castell->mentions.size(), 2u);
}

TEST(EntityIds, CuratedOrganisationOverTheTaggersPart) {
  // The tagger reads "Democratic" apart from the committee's name.
  const Result r = SharedAnalyzer().Analyze(
      "A spokeswoman for the Democratic National Committee said on Monday that the party would "
      "respond.");
  const Entity* dnc = Named(r, "Democratic National Committee");
  ASSERT_NE(dnc, nullptr);
  EXPECT_EQ(dnc->type, "ORG");
  EXPECT_EQ(dnc->wikidata, "Q1185863");
}

TEST(EntityTypes, NamesContinuingAPrizesNameAreNoEntities) {
  const Result r = SharedAnalyzer().Analyze(
      "Marta Lind, the 2015 winner of the Halvorsen Prize for Excellence in Civic Reporting, "
      "visited Oslo.");
  for (const Entity& e : r.entities) {
    EXPECT_NE(e.name, "Excellence") << e.type;
    EXPECT_NE(e.name, "Civic Reporting") << e.type;
  }
  EXPECT_NE(Named(r, "Marta Lind"), nullptr);
  EXPECT_NE(Named(r, "Oslo"), nullptr);
}

}  // namespace
}  // namespace presslens
