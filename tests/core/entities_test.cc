// Entities: mentions, types, titles, linking, demonyms, headlines and the user's lexicon.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "presslens/presslens.h"
#include "test_util.h"

namespace presslens {
namespace {

const Entity* Find(const Result& r, const std::string& type, const std::string& name) {
  for (const Entity& e : r.entities)
    if (e.type == type && e.name == name) return &e;
  return nullptr;
}

std::vector<std::string> Mentions(const std::string& text, const Entity& e) {
  std::vector<std::string> out;
  for (const Span& s : e.mentions) out.push_back(Text(text, s));
  return out;
}

// Every occurrence of `word` in the text lies inside a mention of entity `e`.
void ExpectAllLinked(const std::string& text, const Entity& e, const std::string& word) {
  for (size_t p = text.find(word); p != std::string::npos; p = text.find(word, p + 1)) {
    char next = p + word.size() < text.size() ? text[p + word.size()] : ' ';
    if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z')) continue;  // "Russian"
    bool inside = false;
    for (const Span& s : e.mentions) inside = inside || (s.start <= p && p + word.size() <= s.end);
    EXPECT_TRUE(inside) << "'" << word << "' at " << p << " not linked to " << e.name;
  }
}

void ExpectWellFormed(const std::string& text, const Result& r) {
  std::vector<Span> all;
  for (const Entity& e : r.entities) {
    EXPECT_FALSE(e.mentions.empty());
    for (const Span& s : e.mentions) {
      all.push_back(s);
      std::string m = Text(text, s);
      ASSERT_FALSE(m.empty());
      // No punctuation, quote marks or possessive at the edges.
      EXPECT_EQ(m.find("'s"), std::string::npos) << m;
      EXPECT_EQ(m.find("\xE2\x80\x99s"), std::string::npos) << m;
      EXPECT_EQ(std::string(",;:\"'").find(m.back()), std::string::npos) << m;
      EXPECT_EQ(std::string(",;:\"'(").find(m.front()), std::string::npos) << m;
    }
  }
  std::sort(all.begin(), all.end(), [](Span a, Span b) { return a.start < b.start; });
  for (size_t i = 1; i < all.size(); ++i) EXPECT_LE(all[i - 1].end, all[i].start);
}

TEST(Entities, SeedArticle) {
  std::string text = SeedArticle();
  if (text.empty()) GTEST_SKIP() << "../shared/data/seed-article.txt absent";
  Result r = SharedAnalyzer().Analyze(text);
  ExpectWellFormed(text, r);
  const Entity* wang = Find(r, "PERSON", "Wang Yi");
  const Entity* lavrov = Find(r, "PERSON", "Sergey Lavrov");
  const Entity* putin = Find(r, "PERSON", "Vladimir Putin");
  const Entity* xi = Find(r, "PERSON", "Xi Jinping");
  ASSERT_TRUE(wang && lavrov && putin && xi);
  ExpectAllLinked(text, *wang, "Wang");
  ExpectAllLinked(text, *lavrov, "Lavrov");
  ExpectAllLinked(text, *putin, "Putin");
  EXPECT_EQ(wang->title, "Foreign Minister");
  EXPECT_EQ(lavrov->title, "Foreign Minister");
  for (const char* gpe : {"Russia", "China", "Ukraine", "Gaza"})
    EXPECT_TRUE(Find(r, "GPE", gpe)) << gpe;
  EXPECT_TRUE(Find(r, "ORG", "NATO"));
  EXPECT_TRUE(Find(r, "LOC", "Asia"));
  EXPECT_TRUE(Find(r, "LOC", "Europe"));
  const Entity* russia = Find(r, "GPE", "Russia");
  ExpectAllLinked(text, *russia, "Russia");
  const Entity* chinese = Find(r, "NORP", "Chinese");
  ASSERT_TRUE(chinese);
  EXPECT_EQ(chinese->country, "China");
}

TEST(Entities, TitlesStayOutOfPersonMentions) {
  std::string text =
      "Foreign Minister Wang Yi met President Vladimir Putin in Moscow on Tuesday.";
  Result r = SharedAnalyzer().Analyze(text);
  ExpectWellFormed(text, r);
  const Entity* wang = Find(r, "PERSON", "Wang Yi");
  const Entity* putin = Find(r, "PERSON", "Vladimir Putin");
  ASSERT_TRUE(wang && putin);
  EXPECT_EQ(Mentions(text, *wang), std::vector<std::string>{"Wang Yi"});
  EXPECT_EQ(wang->title, "Foreign Minister");
  EXPECT_EQ(putin->title, "President");

  text = "U.S. Secretary of State Antony Blinken met Egyptian officials.";
  r = SharedAnalyzer().Analyze(text);
  const Entity* blinken = Find(r, "PERSON", "Antony Blinken");
  ASSERT_TRUE(blinken);
  EXPECT_EQ(blinken->title, "Secretary of State");

  text = "Mr. Boris Johnson resigned. Mr. Johnson, the prime minister, said so.";
  r = SharedAnalyzer().Analyze(text);
  const Entity* johnson = Find(r, "PERSON", "Boris Johnson");
  ASSERT_TRUE(johnson);
  EXPECT_EQ(Mentions(text, *johnson), (std::vector<std::string>{"Boris Johnson", "Johnson"}));
  EXPECT_EQ(johnson->title, "");  // an honorific is not a title
}

TEST(Entities, PossessivesAndPunctuationStayOut) {
  std::string text = "Russia\xE2\x80\x99s army and Germany's chancellor met \xE2\x80\x9C"
                     "NATO\xE2\x80\x9D officials, said Angela Merkel's aide.";
  Result r = SharedAnalyzer().Analyze(text);
  ExpectWellFormed(text, r);
  const Entity* russia = Find(r, "GPE", "Russia");
  const Entity* germany = Find(r, "GPE", "Germany");
  ASSERT_TRUE(russia && germany);
  EXPECT_EQ(Mentions(text, *russia), std::vector<std::string>{"Russia"});
  EXPECT_EQ(Mentions(text, *germany), std::vector<std::string>{"Germany"});
  const Entity* merkel = Find(r, "PERSON", "Angela Merkel");
  ASSERT_TRUE(merkel);
  EXPECT_EQ(Mentions(text, *merkel), std::vector<std::string>{"Angela Merkel"});
}

TEST(Entities, PersonMentionsLinkToTheFullName) {
  std::string text =
      "Russian President Vladimir Putin arrived in Beijing on Monday. Putin was greeted by "
      "Chinese leader Xi Jinping. Officials said President Putin and Xi would sign a deal. "
      "Xi praised Putin\xE2\x80\x99s leadership.";
  Result r = SharedAnalyzer().Analyze(text);
  ExpectWellFormed(text, r);
  const Entity* putin = Find(r, "PERSON", "Vladimir Putin");
  const Entity* xi = Find(r, "PERSON", "Xi Jinping");
  ASSERT_TRUE(putin && xi);
  EXPECT_EQ(putin->mentions.size(), 4u);
  ExpectAllLinked(text, *putin, "Putin");
  ExpectAllLinked(text, *xi, "Xi");
  int persons = 0;
  for (const Entity& e : r.entities) persons += e.type == "PERSON";
  EXPECT_EQ(persons, 2);
}

TEST(Entities, CountryAliasesLinkToOneEntity) {
  std::string text =
      "The United States imposed new sanctions. U.S. officials said the measures were "
      "needed, and the US agreed to them.";
  Result r = SharedAnalyzer().Analyze(text);
  ExpectWellFormed(text, r);
  const Entity* us = Find(r, "GPE", "United States");
  ASSERT_TRUE(us);
  EXPECT_EQ(Mentions(text, *us), (std::vector<std::string>{"United States", "U.S.", "US"}));
}

TEST(Entities, OrganisationShortFormsAndAcronymsLink) {
  std::string text =
      "Toyota Motor Corp raised its forecast on Tuesday. Toyota said sales rose. The Caspian "
      "Drilling Services Consortium (CDSC) signed the deal, and CDSC will start in May.";
  Result r = SharedAnalyzer().Analyze(text);
  ExpectWellFormed(text, r);
  const Entity* toyota = Find(r, "ORG", "Toyota Motor Corp");
  ASSERT_TRUE(toyota);
  EXPECT_EQ(Mentions(text, *toyota), (std::vector<std::string>{"Toyota Motor Corp", "Toyota"}));
  const Entity* cdsc = Find(r, "ORG", "Caspian Drilling Services Consortium");
  ASSERT_TRUE(cdsc);
  EXPECT_EQ(cdsc->mentions.size(), 3u);
}

TEST(Entities, DemonymsCarryTheirCountry) {
  std::string text = "Chinese diplomats and Russian officials met French envoys in Paris.";
  Result r = SharedAnalyzer().Analyze(text);
  const Entity* chinese = Find(r, "NORP", "Chinese");
  const Entity* russian = Find(r, "NORP", "Russian");
  const Entity* french = Find(r, "NORP", "French");
  ASSERT_TRUE(chinese && russian && french);
  EXPECT_EQ(chinese->country, "China");
  EXPECT_EQ(russian->country, "Russia");
  EXPECT_EQ(french->country, "France");
}

TEST(Entities, ActorsCarryTheCountryTheyStandFor) {
  std::string text = "The Kremlin rejected the report, and Beijing said it would respond.";
  Result r = SharedAnalyzer().Analyze(text);
  const Entity* kremlin = Find(r, "ORG", "Kremlin");
  const Entity* beijing = Find(r, "GPE", "Beijing");
  ASSERT_TRUE(kremlin && beijing);
  EXPECT_EQ(kremlin->refers_to, "Russia");
  EXPECT_EQ(beijing->refers_to, "China");
}

TEST(Entities, AllCapsHeadlinesLinkToBodyText) {
  std::string text =
      "SOCCER - JAPAN GET LUCKY WIN AGAINST SYRIA\n"
      "AL-AIN, United Arab Emirates 1996-12-06\n"
      "Japan began the defence of their Asian Cup title with a lucky 2-1 win against Syria "
      "on Friday.";
  Result r = SharedAnalyzer().Analyze(text);
  ExpectWellFormed(text, r);
  const Entity* japan = Find(r, "GPE", "Japan");
  const Entity* syria = Find(r, "GPE", "Syria");
  ASSERT_TRUE(japan && syria);
  EXPECT_EQ(Mentions(text, *japan), (std::vector<std::string>{"JAPAN", "Japan"}));
  EXPECT_EQ(Mentions(text, *syria), (std::vector<std::string>{"SYRIA", "Syria"}));
  EXPECT_FALSE(Find(r, "GPE", "LUCKY"));
  EXPECT_FALSE(Find(r, "ORG", "LUCKY"));
}

TEST(Entities, ClubsInResultsTablesKeepTheirBracketedLetters) {
  std::string text =
      "SOCCER - SECOND DIVISION RESULTS.\n"
      "KRAGUJEVAC 1996-09-01\n"
      "Results of second division matches played on Sunday:\n"
      "Borac 3 Sloga (K) 1\n"
      "Jedinstvo 0 Napredak 2\n"
      "Standings after three rounds:\n"
      "Sloga (K) 3 2 1 0 6 2 7\n"
      "Napredak 3 2 0 1 5 3 6\n";
  Result r = SharedAnalyzer().Analyze(text);
  const Entity* sloga = Find(r, "ORG", "Sloga (K)");
  ASSERT_TRUE(sloga);
  EXPECT_EQ(Mentions(text, *sloga), (std::vector<std::string>{"Sloga (K)", "Sloga (K)"}));
  for (const Entity& e : r.entities) EXPECT_NE(e.name, "K");
  // A name's own initials in brackets are an abbreviation, no part of the name.
  std::string seats =
      "ELECTION RESULTS.\n"
      "MADRID 1996-03-04\n"
      "Seats won in the lower house:\n"
      "Popular Party (PP) 156\n"
      "Socialist Party (PSOE) 141\n";
  Result s = SharedAnalyzer().Analyze(seats);
  EXPECT_TRUE(Find(s, "ORG", "Popular Party"));
  EXPECT_FALSE(Find(s, "ORG", "Popular Party (PP)"));
}

TEST(Entities, CommonWordOpeningAQuotationIsNoName) {
  std::string text =
      "Mayor Ron Kaplan spoke to reporters in Dallas on Monday.\n\n"
      "Kaplan said,\u201CLook, this city has waited long enough.\u201D";
  Result r = SharedAnalyzer().Analyze(text);
  EXPECT_TRUE(Find(r, "GPE", "Dallas"));
  for (const Entity& e : r.entities) EXPECT_NE(e.name, "Look");
}

TEST(Entities, SentenceAdverbOfACommonWordIsNoName) {
  std::string text =
      "Chinese leaders say their overriding concern tends to be political stability. "
      "Interestingly, one of their greatest political vulnerabilities is air pollution.";
  Result r = SharedAnalyzer().Analyze(text);
  for (const Entity& e : r.entities) EXPECT_NE(e.name, "Interestingly");
}

TEST(Entities, TreatyNamesAreOutOfScheme) {
  std::string text = "Delegates in Geneva adopted the Halvorsen Protocol on Tuesday.";
  Result r = SharedAnalyzer().Analyze(text);
  EXPECT_TRUE(Find(r, "GPE", "Geneva"));
  EXPECT_FALSE(Find(r, "ORG", "Halvorsen Protocol"));
}

TEST(Entities, PluralOfAnAbbreviationIsNoName) {
  std::string text =
      "By the fall of 2010, Tea Party \"super PACs\" supported by donors in Kansas spent millions. "
      "Several PACs said so.";
  Result r = SharedAnalyzer().Analyze(text);
  EXPECT_TRUE(Find(r, "GPE", "Kansas"));
  for (const Entity& e : r.entities) EXPECT_NE(e.name, "PACs");
}

TEST(Entities, NameWrittenOnlyWithItsClitic) {
  // "Harlowe's" is always written so, once before a comma: the "'s" is the name's. Brant is
  // also written alone, so "Brant's" is a possessive.
  std::string text =
      "The bank agreed to buy Harlowe's, the lender said on Monday. Shareholders of Harlowe's "
      "will get cash. Analyst John Brant said Brant's estimate stood.";
  Result r = SharedAnalyzer().Analyze(text);
  const Entity* org = nullptr;
  for (const Entity& e : r.entities)
    if (e.name.find("Harlowe") != std::string::npos) org = &e;
  ASSERT_TRUE(org);
  EXPECT_EQ(org->name, "Harlowe's");
  for (const std::string& m : Mentions(text, *org)) EXPECT_EQ(m, "Harlowe's");
  const Entity* person = Find(r, "PERSON", "John Brant");
  ASSERT_TRUE(person);
  for (const std::string& m : Mentions(text, *person)) EXPECT_EQ(m.find('\''), std::string::npos);
}

TEST(Entities, OrganisationSplitAtItsPrepositionIsOneName) {
  std::string text =
      "Daniel Hamilton of the Center for Transatlantic Relations said the plan would fail. She "
      "studied at the Rhode Island School of Design.";
  Result r = SharedAnalyzer().Analyze(text);
  EXPECT_TRUE(Find(r, "ORG", "Center for Transatlantic Relations"));
  EXPECT_TRUE(Find(r, "ORG", "Rhode Island School of Design"));
}

TEST(Entities, UnknownNameEndingInAnOrganisationHeadIsAnOrganisation) {
  std::string text =
      "A spokesman for the United States Embassy in Manila said the office would close. The "
      "Soviet Union collapsed in 1991.";
  Result r = SharedAnalyzer().Analyze(text);
  EXPECT_TRUE(Find(r, "ORG", "United States Embassy"));
  EXPECT_TRUE(Find(r, "GPE", "Soviet Union"));  // the gazetteer knows it
  Result company =
      SharedAnalyzer().Analyze("Maria Lopez, a partner at Tarrow Strategies, said the ads worked.");
  EXPECT_TRUE(Find(company, "ORG", "Tarrow Strategies"));
}

TEST(Entities, DirectionAndNationalityAreOneGroup) {
  std::string text =
      "Trump's East European Problem.\n\nThe regions have large communities of Eastern and "
      "Northern European heritage, Donald Trump said.";
  Result r = SharedAnalyzer().Analyze(text);
  std::vector<std::string> groups;
  for (const Entity& e : r.entities) {
    EXPECT_TRUE(e.type == "NORP" || e.type == "PERSON") << e.name << " " << e.type;
    if (e.type == "NORP")
      for (const std::string& m : Mentions(text, e)) groups.push_back(m);
  }
  std::sort(groups.begin(), groups.end());
  EXPECT_EQ(groups, (std::vector<std::string>{"East European", "Eastern", "Northern European"}));
  // A region's group takes no country from the nationality ("West Indian" is not "Indian").
  Result west = SharedAnalyzer().Analyze("West Indian all-rounder Phil Simmons took four wickets.");
  const Entity* group = Find(west, "NORP", "West Indian");
  ASSERT_TRUE(group);
  EXPECT_TRUE(group->country.empty());
  EXPECT_TRUE(group->wikidata.empty());
}

TEST(Entities, ARegionsPeopleKeepTheirCountryButNotItsId) {
  // "Chechen" names the people of Chechnya, not Russia's nationality: the country is theirs,
  // Russia's id would join them with the "Russian" troops they fight.
  Result r = SharedAnalyzer().Analyze(
      "Chechen rebels attacked Russian troops near Grozny. Scottish voters went to the polls.");
  const Entity* chechen = Find(r, "NORP", "Chechen");
  const Entity* russian = Find(r, "NORP", "Russian");
  const Entity* scottish = Find(r, "NORP", "Scottish");
  ASSERT_TRUE(chechen && russian && scottish);
  EXPECT_EQ(chechen->country, "Russia");
  EXPECT_TRUE(chechen->wikidata.empty());
  EXPECT_EQ(scottish->country, "United Kingdom");
  EXPECT_TRUE(scottish->wikidata.empty());
  EXPECT_EQ(russian->wikidata, "Q159");  // a nationality takes its country's id
}

TEST(Entities, TitledPersonsNameIsThePersonElsewhere) {
  // "Obama" is also a town in the gazetteer; "Mr. Obama" makes the headline's word the person.
  std::string text =
      "Obama on Climate Change: The Trends Are Terrifying.\n\nMore than health care, Mr. Obama "
      "believes his efforts on warming will be his legacy.";
  Result r = SharedAnalyzer().Analyze(text);
  const Entity* person = Find(r, "PERSON", "Obama");
  ASSERT_TRUE(person);
  EXPECT_EQ(person->mentions.size(), 2u);
  for (const Entity& e : r.entities) EXPECT_NE(e.type, "GPE") << e.name;
}

TEST(Entities, PartyConventionIsOneEvent) {
  std::string text =
      "Supporters in western Pennsylvania gathered to watch the Republican National Convention "
      "with the candidate.";
  Result r = SharedAnalyzer().Analyze(text);
  const Entity* event = Find(r, "EVENT", "Republican National Convention");
  ASSERT_TRUE(event);
  EXPECT_EQ(Mentions(text, *event), (std::vector<std::string>{"Republican National Convention"}));
  EXPECT_FALSE(Find(r, "ORG", "National Convention"));
}

TEST(Entities, AllCapsPersonsLinkToBodyText) {
  std::string text =
      "PUTIN MEETS XI IN BEIJING\nMOSCOW 2024-05-16\nRussian President Vladimir Putin arrived "
      "in Beijing on Thursday for talks with Xi Jinping. Putin said ties were at their best.";
  Result r = SharedAnalyzer().Analyze(text);
  ExpectWellFormed(text, r);
  const Entity* putin = Find(r, "PERSON", "Vladimir Putin");
  const Entity* xi = Find(r, "PERSON", "Xi Jinping");
  ASSERT_TRUE(putin && xi);
  EXPECT_EQ(Mentions(text, *putin), (std::vector<std::string>{"PUTIN", "Vladimir Putin", "Putin"}));
  EXPECT_EQ(Mentions(text, *xi), (std::vector<std::string>{"XI", "Xi Jinping"}));
}

TEST(Entities, UserLexiconAddsNamesAtRunTime) {
  Options options;
  options.lexicon.push_back({"Zorblax Quantum Industries", "ORG", {"Zorblax"}});
  options.lexicon.push_back({"Mirela Quintanovska", "PERSON", {}});
  options.lexicon.push_back({"Nowhere", "BOGUS", {}});
  Analyzer analyzer(options);
  EXPECT_EQ(analyzer.errors().size(), 1u);
  std::string text =
      "Zorblax Quantum Industries hired engineers. a spokesman for zorblax declined comment, "
      "but Zorblax confirmed it. Mirela Quintanovska said Quintanovska would lead it.";
  Result r = analyzer.Analyze(text);
  ExpectWellFormed(text, r);
  const Entity* zorblax = Find(r, "ORG", "Zorblax Quantum Industries");
  ASSERT_TRUE(zorblax);
  EXPECT_EQ(Mentions(text, *zorblax),
            (std::vector<std::string>{"Zorblax Quantum Industries", "Zorblax"}));
  const Entity* mirela = Find(r, "PERSON", "Mirela Quintanovska");
  ASSERT_TRUE(mirela);
  EXPECT_EQ(Mentions(text, *mirela),
            (std::vector<std::string>{"Mirela Quintanovska", "Quintanovska"}));
}

TEST(Entities, OddInputIsHarmless) {
  for (std::string text : {std::string(), std::string("   "), std::string("\xFF\xFE Putin \xC3"),
                           std::string("'s 's ’s ( ) \" “”"), std::string(5000, 'A')}) {
    Result r = SharedAnalyzer().Analyze(text);
    ExpectWellFormed(text, r);
  }
}

// A text of more than 2^18 tokens takes the entity pass's long-text path (the tagger's inputs
// and the spans before linking are freed early, exact hashes recomputed): each copy of a
// paragraph must get the entities, titles and mentions a short text of the same copies gets.
TEST(EntityLongText, SameFindingsAsAShortTextOfTheSameParagraph) {
  // The headline takes the headline step, which reads seen_lower() after the release.
  const std::string unit =
      "Merkel Warns Putin Over Moscow Talks\n"
      "Chancellor Angela Merkel met President Vladimir Putin in Moscow on Monday, and the "
      "Kremlin said Russia and Germany would talk again. \"We disagree,\" Merkel said.\n\n";
  auto copies = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += unit;
    return s;
  };
  const size_t many = (2u << 20) / unit.size() + 1;  // ~2 MB, ~480k tokens
  const std::string small = copies(20), big = copies(many);
  const Result a = SharedAnalyzer().Analyze(small), b = SharedAnalyzer().Analyze(big);
  // Each entity with its mentions in the last copy, offsets from the copy's start.
  auto summary = [&](const Result& r, size_t size) {
    std::vector<std::string> out;
    const size_t last = size - unit.size();
    for (const Entity& e : r.entities) {
      std::string line = e.type + "|" + e.name + "|" + e.title + "|" + e.country + "|" + e.refers_to;
      for (const Span& m : e.mentions)
        if (m.start >= last) line += " " + std::to_string(m.start - last) + "-" + std::to_string(m.end - last);
      out.push_back(line);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  ASSERT_GE(a.entities.size(), 5u);
  EXPECT_EQ(summary(a, small.size()), summary(b, big.size()));
  EXPECT_EQ(a.quotes.size() / 20, b.quotes.size() / many);
  EXPECT_EQ(a.condemnations.size() / 20, b.condemnations.size() / many);
}

TEST(Entities, NamedStormIsAnEvent) {
  std::string text =
      "Cyclone Phailin reached the coast of India on Saturday. Officials said Phailin was "
      "weakening as it moved inland.";
  Result r = SharedAnalyzer().Analyze(text);
  EXPECT_TRUE(Find(r, "EVENT", "Cyclone Phailin"));
  for (const Entity& e : r.entities) EXPECT_NE(e.type, "PERSON") << e.name;
}

TEST(Entities, CommonAcronymsAndCurrencyCodesAreNoNames) {
  std::string text =
      "The study in Sydney tested the DNA and IQ of 500 children. The damage was put at "
      "US$ 10 billion.";
  Result r = SharedAnalyzer().Analyze(text);
  EXPECT_TRUE(Find(r, "GPE", "Sydney"));
  for (const Entity& e : r.entities) {
    EXPECT_NE(e.name, "DNA");
    EXPECT_NE(e.name, "IQ");
    EXPECT_NE(e.name, "United States");
  }
}

TEST(Entities, GivenNameWithAGenderedPronounIsAPerson) {
  std::string text =
      "Thomas Sam and his wife Manju Sam are on trial over the death of their child, Gloria. "
      "She died of an infection in 2002.\n\nGloria developed eczema at four months.";
  Result r = SharedAnalyzer().Analyze(text);
  for (const Entity& e : r.entities)
    if (e.name == "Gloria") EXPECT_EQ(e.type, "PERSON");
}

TEST(Entities, APlaceBeforeATitleIsAPlaceInAllItsMentions) {
  // "<Place> Mayor <Name>": a GPE, a title, a PERSON; the place's later mentions stay the
  // place, also one the tagger alone would read as an organisation.
  for (const std::string place : {"London", "Kharkiv"}) {
    const std::string text = place + " Mayor Ihor Terekhov said the strikes hit homes. " +
                             "Terekhov urged calm. " + place + " was shelled again overnight.";
    Result r = SharedAnalyzer().Analyze(text);
    const Entity* city = Find(r, "GPE", place);
    const Entity* mayor = Find(r, "PERSON", "Ihor Terekhov");
    ASSERT_TRUE(city && mayor) << text;
    EXPECT_EQ(city->mentions.size(), 2u) << text;
    EXPECT_EQ(mayor->title, "Mayor");
    EXPECT_EQ(mayor->mentions.size(), 2u) << text;
    EXPECT_FALSE(Find(r, "ORG", place)) << text;
  }
}

TEST(Entities, ABylinesPersonsStayPersonsBesideTheirAgency) {
  // The list "Jane Smith and John Doe, Associated Press" has one known name, an ORG: the
  // persons' names (a given name, then a surname) are not retyped after it.
  for (const std::string text :
       {std::string("By Jane Smith and John Doe, Associated Press\nThe Senate passed the bill."),
        std::string("TRUMP SAYS CHINA MUST PAY\nBy Jane Smith and John Doe, Associated Press\n"
                    "WASHINGTON (AP) — President Donald Trump said on Friday that China must pay.")}) {
    Result r = SharedAnalyzer().Analyze(text);
    EXPECT_TRUE(Find(r, "PERSON", "Jane Smith")) << text;
    EXPECT_TRUE(Find(r, "PERSON", "John Doe")) << text;
    EXPECT_TRUE(Find(r, "ORG", "Associated Press")) << text;
  }
  // A list of organisations still types an unknown one ("Google, Bing, and Yahoo" below).
}

TEST(Entities, MidSentenceTheAndAdjectivesOpenAnOrganisationsName) {
  std::string text =
      "The chef told The Brooklyn Paper that the results were published in the Medical Journal "
      "of Australia on Monday.";
  Result r = SharedAnalyzer().Analyze(text);
  EXPECT_TRUE(Find(r, "ORG", "The Brooklyn Paper"));
  EXPECT_TRUE(Find(r, "ORG", "Medical Journal of Australia"));
}

TEST(Entities, UnknownNameEndingInASubdivisionsOrAFacilitysHeadIsAPlace) {
  Result r = SharedAnalyzer().Analyze(
      "The party also won the Northwest Frontier Province, which borders Afghanistan, and shares "
      "power in Baluchistan Province.");
  EXPECT_TRUE(Find(r, "GPE", "Northwest Frontier Province"));
  EXPECT_TRUE(Find(r, "GPE", "Baluchistan Province"));
  Result facility = SharedAnalyzer().Analyze(
      "Witnesses saw a truck parked behind the Lilac Falls Motel before it exploded, police said.");
  EXPECT_TRUE(Find(facility, "LOC", "Lilac Falls Motel"));
}

TEST(Entities, NamesOfAListTakeTheTypeOfItsKnownNames) {
  Result r = SharedAnalyzer().Analyze(
      "The story spread on search engines including Google, Bing, and Yahoo, the owner said.");
  EXPECT_TRUE(Find(r, "ORG", "Google"));
  EXPECT_TRUE(Find(r, "ORG", "Bing"));
  EXPECT_TRUE(Find(r, "ORG", "Yahoo"));
  Result unknown = SharedAnalyzer().Analyze(
      "Multinational firms including Mobil, Shell and Caltex, were also affected, the paper said.");
  EXPECT_TRUE(Find(unknown, "ORG", "Mobil"));
}

TEST(Entities, SurnameBeforeALeadersGovernmentIsAPerson) {
  Result r = SharedAnalyzer().Analyze(
      "Analysts say the Bush administration will have to find a new policy. The Labour "
      "government and the Iraqi government met.");
  EXPECT_TRUE(Find(r, "PERSON", "Bush"));
  EXPECT_FALSE(Find(r, "PERSON", "Labour"));
}

TEST(Entities, FollowersInIstsOrItesAreAGroup) {
  Result r = SharedAnalyzer().Analyze(
      "The Saddamites and the Wahhabis are allied, and the Baathists agree, Hassan said.");
  EXPECT_TRUE(Find(r, "NORP", "Saddamites"));
  EXPECT_FALSE(Find(r, "ORG", "Baathists"));
  EXPECT_FALSE(Find(r, "PERSON", "Baathists"));
}

TEST(Entities, StormsWordAloneIsNoName) {
  Result r = SharedAnalyzer().Analyze(
      "Cyclone Phailin hit the coast on Saturday. Yes, the Cyclone is almost certain to weaken.");
  EXPECT_TRUE(Find(r, "EVENT", "Cyclone Phailin"));
  for (const Entity& e : r.entities) EXPECT_NE(e.name, "Cyclone");
}

TEST(Entities, PersonsSurnameInAListStaysAPerson) {
  Result r = SharedAnalyzer().Analyze(
      "Hillary Clinton and Barack Obama spoke. After the surge in Iraq, Obama and Clinton "
      "withdrew the forces.");
  for (const Entity& e : r.entities)
    if (e.name == "Barack Obama" || e.name == "Hillary Clinton") EXPECT_EQ(e.mentions.size(), 2u) << e.name;
}

TEST(Entities, WebSitesNameWithItsDomainIsAnOrganisation) {
  const std::string text =
      "The site SpreadingSantorum.com and Metro.us reported it, and Salon.com agreed. See "
      "www.juancole.com for more.";
  Result r = SharedAnalyzer().Analyze(text);
  EXPECT_TRUE(Find(r, "ORG", "SpreadingSantorum.com"));
  EXPECT_TRUE(Find(r, "ORG", "Metro.us"));
  EXPECT_TRUE(Find(r, "ORG", "Salon.com"));
  for (const Entity& e : r.entities) EXPECT_EQ(e.name.find("juancole"), std::string::npos);
  Result lower = SharedAnalyzer().Analyze("See savingforcollege.com for the plans, she said.");
  EXPECT_TRUE(Find(lower, "ORG", "savingforcollege.com"));
}

TEST(Entities, OrganisationSplitAtAPrepositionAndTheIsOneName) {
  Result r = SharedAnalyzer().Analyze(
      "The United Nations Scientific Committee on the Effects of Atomic Radiation published a "
      "report in 2000.");
  EXPECT_TRUE(Find(r, "ORG", "United Nations Scientific Committee on the Effects of Atomic Radiation"));
  Result place = SharedAnalyzer().Analyze("The debate is at Hofstra University on Long Island.");
  EXPECT_TRUE(Find(place, "ORG", "Hofstra University"));
}

TEST(Entities, GenusBeforeItsEpithetIsNoName) {
  Result r = SharedAnalyzer().Analyze(
      "Researchers found colonies of Edwardsiella andrillae under the ice, Daly said.");
  for (const Entity& e : r.entities) EXPECT_NE(e.name, "Edwardsiella");
  EXPECT_TRUE(Find(r, "PERSON", "Daly"));
}

TEST(Entities, SpellingsOfSheikhAreTitles) {
  Result r = SharedAnalyzer().Analyze("Shaikh Hamid al-Ani, a tribal leader, said the vote was fair.");
  EXPECT_TRUE(Find(r, "PERSON", "Hamid al-Ani"));
  EXPECT_FALSE(Find(r, "PERSON", "Shaikh Hamid al-Ani"));
}

// A name the knowledge base knows only as an organisation stays one where the tagger's context
// (the line after a title-case headline) reads it as no entity type of the schema.
TEST(Entities, KnownOrganisationAfterATitleCaseHeadline) {
  Result r = SharedAnalyzer().Analyze("Company Removes Post\n\nFacebook said that it removed the post.");
  EXPECT_TRUE(Find(r, "ORG", "Facebook"));
}

}  // namespace
}  // namespace presslens
