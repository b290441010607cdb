// The coreference pass on hand-built documents: the text is tokenized, its entity mentions are
// given by hand (so no case depends on the entity tagger), and each case checks what one
// pronoun or description refers to.
#include "coreference.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chunker.h"
#include "quotes.h"
#include "speech_cues.h"
#include "test_util.h"

namespace presslens {
namespace {

const CoreferenceFinder& Finder() {
  static const ChunkerLexicon* words = new ChunkerLexicon();
  static const SpeechLexicon* speech = new SpeechLexicon();
  static const CoreferenceFinder* finder = new CoreferenceFinder(*words, *speech);
  return *finder;
}

struct Named {
  std::string name;  // the mention's text, its first occurrence from `after` on
  EntityType type;
  int entity;              // mentions with one entity index are one entity
  std::string title = "";  // the entity's title ("Foreign Minister")
};

// A tokenized text with the given mentions, resolved.
class Resolved {
 public:
  Resolved(const std::string& text, const std::vector<Named>& named) : text_(text) {
    doc_ = Tokenized(text_);
    static const QuoteFinder* quotes = new QuoteFinder();
    quotes->Run(&doc_);
    for (const Named& n : named) {
      // A name listed twice is its next occurrence.
      size_t at = text_.find(n.name, FirstFree(n.name));
      EXPECT_NE(at, std::string::npos) << n.name;
      Mention m;
      m.start = static_cast<uint32_t>(at);
      m.end = static_cast<uint32_t>(at + n.name.size());
      m.first = TokenAt(m.start);
      m.last = TokenAt(m.end - 1) + 1;
      m.type = n.type;
      m.entity = n.entity;
      doc_.mentions.push_back(m);
      while (static_cast<int>(doc_.entities.size()) <= n.entity) doc_.entities.emplace_back();
      Entity& e = doc_.entities[n.entity];
      if (e.name.size() < n.name.size()) e.name = n.name;
      if (!n.title.empty()) e.title = n.title;
    }
    std::sort(doc_.mentions.begin(), doc_.mentions.end(),
              [](const Mention& a, const Mention& b) { return a.first < b.first; });
    index_.Build(&doc_);
    Finder().Run(&doc_, index_, scratch_.get());
  }

  // What the n-th occurrence of the word `w` refers to: its antecedent's text, or "" when
  // none, or "(no reference)".
  std::string Of(const std::string& w, int n = 0) const {
    for (int i = 0; i < static_cast<int>(doc_.tokens.size()); ++i) {
      if (doc_.TokenText(i) != w || n-- > 0) continue;
      const Reference* r = doc_.ReferenceAt(i);
      if (!r) return "(no reference)";
      if (r->antecedent_first < 0) return "";
      return std::string(doc_.SpanText(doc_.tokens[r->antecedent_first].start,
                                       doc_.tokens[r->antecedent_last - 1].end));
    }
    ADD_FAILURE() << "no token " << w;
    return "";
  }

 private:
  size_t FirstFree(const std::string& name) const {
    size_t from = 0;
    for (const Mention& m : doc_.mentions)
      if (std::string(doc_.SpanText(m.start, m.end)) == name) from = std::max<size_t>(from, m.end);
    return from;
  }
  int TokenAt(uint32_t byte) const {
    for (int i = 0; i < static_cast<int>(doc_.tokens.size()); ++i)
      if (doc_.tokens[i].start <= byte && byte < doc_.tokens[i].end) return i;
    return -1;
  }
  std::string text_;
  Document doc_;
  ChunkIndex index_;
  std::shared_ptr<CoreferenceScratch> scratch_ = CoreferenceFinder::NewScratch();
};

constexpr EntityType kPerson = EntityType::kPerson;
constexpr EntityType kOrg = EntityType::kOrg;
constexpr EntityType kGpe = EntityType::kGpe;
constexpr EntityType kNorp = EntityType::kNorp;

TEST(CoreferenceTest, HeIsTheNewestSpeaker) {
  Resolved r(
      "Tomas Varga said the talks had failed. Officials met Ilse Brandt on Monday. "
      "He said the plan was dead.",
      {{"Tomas Varga", kPerson, 0}, {"Ilse Brandt", kPerson, 1}});
  EXPECT_EQ(r.Of("He"), "Tomas Varga");
}

// A speaking "it" after a quote is the organisation that spoke, counted from the quote's first
// sentence: not a name in the sentence between, nor one inside the quote.
TEST(CoreferenceTest, ItAddedIsTheOrganisationThatSpoke) {
  Resolved r(
      "The Harbour Authority said the port was closed. It said on Friday an Osterland crew "
      "had inspected the ships. \"The crew was stopped by the Osterland navy. Later the "
      "cargo was seized,\" it added.",
      {{"Harbour Authority", kOrg, 0},
       {"Osterland", kGpe, 1},
       {"Osterland", kGpe, 1}});
  EXPECT_EQ(r.Of("It"), "Harbour Authority");
  EXPECT_EQ(r.Of("it"), "Harbour Authority");
}

TEST(CoreferenceTest, SheSkipsAMaleSpeakerByGivenName) {
  Resolved r(
      "Mary Kowalski spoke first. John Okafor said the vote was close. She said it "
      "was not.",
      {{"Mary Kowalski", kPerson, 0}, {"John Okafor", kPerson, 1}});
  EXPECT_EQ(r.Of("She"), "Mary Kowalski");
}

TEST(CoreferenceTest, TitleGivesTheGender) {
  Resolved r("Mrs Okafor said she would stay. Mr Lund said the board agreed. She added more.",
             {{"Okafor", kPerson, 0}, {"Lund", kPerson, 1}});
  EXPECT_EQ(r.Of("She"), "Okafor");
  EXPECT_EQ(r.Of("she"), "Okafor");
}

TEST(CoreferenceTest, AResolvedPronounFixesTheGender) {
  Resolved r(
      "Sasha Petrov said the deal held. She said it was fair. Kim Lee said the deal "
      "was not fair. He said it would fail.",
      {{"Sasha Petrov", kPerson, 0}, {"Kim Lee", kPerson, 1}});
  EXPECT_EQ(r.Of("She"), "Sasha Petrov");
  EXPECT_EQ(r.Of("He"), "Kim Lee");
}

TEST(CoreferenceTest, TheSubjectOfTheSameSentenceComesFirst) {
  Resolved r(
      "Tomas Varga said the talks failed. Piotr Brandt told reporters that he was "
      "wrong.",
      {{"Tomas Varga", kPerson, 0}, {"Piotr Brandt", kPerson, 1}});
  EXPECT_EQ(r.Of("he"), "Piotr Brandt");
}

TEST(CoreferenceTest, ItIsAnOrganisationSubjectNotAnObject) {
  Resolved r(
      "The Harbour Authority closed the port after support for Norland. It said the "
      "closure would last a week.",
      {{"Harbour Authority", kOrg, 0}, {"Norland", kGpe, 1}});
  EXPECT_EQ(r.Of("It"), "Harbour Authority");
}

TEST(CoreferenceTest, TheyAfterASpeechVerbIsItsSubject) {
  Resolved r("The Greens met the Farmers Union. The Farmers Union said they opposed the tax.",
             {{"Greens", kNorp, 0}, {"Farmers Union", kOrg, 1}, {"Farmers Union", kOrg, 1}});
  EXPECT_EQ(r.Of("they"), "Farmers Union");
}

TEST(CoreferenceTest, TheyIsTheNewestGroup) {
  Resolved r(
      "Norlanders voted on Sunday. The Harbour Authority was silent. They rejected "
      "the plan.",
      {{"Norlanders", kNorp, 0}, {"Harbour Authority", kOrg, 1}});
  EXPECT_EQ(r.Of("They"), "Norlanders");
}

TEST(CoreferenceTest, ASpeakingDescriptionIsAnAntecedent) {
  Resolved r("A police spokesman said the road was closed. He said it would reopen.", {});
  EXPECT_EQ(r.Of("He"), "A police spokesman");
}

TEST(CoreferenceTest, TheMinisterIsTheNamedMinister) {
  Resolved r("Foreign Minister Tomas Varga arrived. Norland sent nobody. The minister said no.",
             {{"Tomas Varga", kPerson, 0, "Foreign Minister"}, {"Norland", kGpe, 1}});
  EXPECT_EQ(r.Of("The", 0), "Tomas Varga");
}

TEST(CoreferenceTest, TheMinistryIsTheNamedMinistry) {
  Resolved r("The Norland Foreign Ministry protested. Officials met. The ministry said no.",
             {{"Norland Foreign Ministry", kOrg, 0}});
  EXPECT_EQ(r.Of("The", 1), "Norland Foreign Ministry");
}

TEST(CoreferenceTest, NothingToReferTo) {
  Resolved r("He said the plan was dead.", {});
  EXPECT_EQ(r.Of("He"), "");
}

TEST(CoreferenceTest, FirstPersonInAQuoteIsLeftToTheSpeaker) {
  Resolved r("Tomas Varga spoke. \"We will not sign,\" he said.", {{"Tomas Varga", kPerson, 0}});
  EXPECT_EQ(r.Of("We"), "(no reference)");
  EXPECT_EQ(r.Of("he"), "Tomas Varga");
}

TEST(CoreferenceTest, APossessiveIsNoSubject) {
  Resolved r(
      "Mary Kowalski said she was pleased. Mary Kowalski praised Ana Ruiz's courage, "
      "which she called rare.",
      {{"Mary Kowalski", kPerson, 0}, {"Mary Kowalski", kPerson, 0}, {"Ana Ruiz", kPerson, 1}});
  EXPECT_EQ(r.Of("she", 1), "Mary Kowalski");
}

TEST(CoreferenceTest, ASpeakersParenthesis) {
  Resolved r(
      "Tomas Varga spoke first. Sen. Piotr Brandt (R-Ga.) said the plan failed. "
      "\"It is over,\" he said.",
      {{"Tomas Varga", kPerson, 0}, {"Piotr Brandt", kPerson, 1}});
  EXPECT_EQ(r.Of("he"), "Piotr Brandt");
}

TEST(CoreferenceTest, TheNameADescriptionIsInAppositionTo) {
  Resolved r(
      "Tomas Varga, the foreign minister of Norland, said the test was a violation. "
      "\"We will act,\" he said.",
      {{"Tomas Varga", kPerson, 0}, {"Norland", kGpe, 1}});
  EXPECT_EQ(r.Of("he"), "Tomas Varga");
}

TEST(CoreferenceTest, TheyAfterAJointSubject) {
  Resolved r("Tomas Varga and Piotr Brandt agreed to meet. They said the talks would start.",
             {{"Tomas Varga", kPerson, 0}, {"Piotr Brandt", kPerson, 1}});
  EXPECT_EQ(r.Of("They"), "Tomas Varga and Piotr Brandt");
}

TEST(CoreferenceTest, ASpeakersNameTheEntityPassMissed) {
  Resolved r("Okonkwo Adeyemi said the deal held. \"We are done,\" he said.", {});
  EXPECT_EQ(r.Of("he"), "Okonkwo Adeyemi");
}

TEST(CoreferenceTest, GivenNameGender) {
  EXPECT_EQ(Finder().GivenNameGender("John"), 1);
  EXPECT_EQ(Finder().GivenNameGender("Mary"), 2);
  EXPECT_EQ(Finder().GivenNameGender("Zzyzx"), 0);
}

}  // namespace
}  // namespace presslens
