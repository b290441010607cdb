// The noun-phrase chunker on hand-built documents: tokens and sentences only (no mentions, no
// quotes), each case one reading of chunker.h.
#include "chunker.h"

#include <gtest/gtest.h>

#include <string>

#include "test_util.h"

namespace presslens {
namespace {

const ChunkerLexicon& Words() {
  static const ChunkerLexicon* words = new ChunkerLexicon();
  return *words;
}

// A tokenized document and its chunker; At(w) is the index of the first token spelled w.
class Chunked {
 public:
  explicit Chunked(const std::string& text)
      : text_(text), doc_(Tokenized(text_)), index_(Index(&doc_)),
        chunker_(Words(), doc_, index_) {}
  const Chunker& chunker() const { return chunker_; }
  int At(std::string_view w, int from = 0) const {
    for (int i = from; i < static_cast<int>(doc_.tokens.size()); ++i)
      if (doc_.TokenText(i) == w) return i;
    ADD_FAILURE() << "no token " << w;
    return -1;
  }
  int End() const { return static_cast<int>(doc_.tokens.size()); }
  std::string Show(Phrase p) const {
    if (p.empty()) return "";
    return text_.substr(doc_.tokens[p.first].start,
                            doc_.tokens[p.last - 1].end - doc_.tokens[p.first].start);
  }

 private:
  std::string text_;  // the document views it
  static ChunkIndex Index(Document* doc) {
    ChunkIndex index;
    index.Build(doc);
    return index;
  }
  Document doc_;
  ChunkIndex index_;
  Chunker chunker_;
};

TEST(ChunkerTest, ForwardKeepsAnAgentParticiple) {
  Chunked c("Officials condemned the sanctions imposed by the West on Iraq.");
  EXPECT_EQ(c.Show(c.chunker().ForwardNP(c.At("the"), c.End(), nullptr)),
            "the sanctions imposed by the West");
}

TEST(ChunkerTest, ForwardReadsOneComplement) {
  Chunked c("They protested against the killing of civilians in Gaza.");
  EXPECT_EQ(c.Show(c.chunker().ForwardNP(c.At("the"), c.End(), nullptr)),
            "the killing of civilians");
  // Without depth the complement is not read.
  EXPECT_EQ(c.Show(c.chunker().ForwardNP(c.At("the"), c.End(), nullptr, false)), "the killing");
}

TEST(ChunkerTest, ForwardStopsAtAStopPreposition) {
  Chunked c("He accused Iran of supporting terrorism.");
  EXPECT_EQ(c.Show(c.chunker().ForwardNP(c.At("Iran"), c.End(), "of")), "Iran");
  EXPECT_EQ(c.Show(c.chunker().ForwardNP(c.At("Iran"), c.End(), nullptr)),
            "Iran of supporting terrorism");
}

TEST(ChunkerTest, ForwardReadsAList) {
  Chunked c("They denounced hegemony, tyranny and bullying.");
  EXPECT_EQ(c.Show(c.chunker().ForwardNP(c.At("hegemony"), c.End(), nullptr, false)),
            "hegemony, tyranny and bullying");
}

TEST(ChunkerTest, BackwardReadsCoordinationAndPossessives) {
  Chunked c("China and Russia opposed the plan.");
  EXPECT_EQ(c.Show(c.chunker().BackwardNP(c.At("Russia"), 0)), "China and Russia");
  Chunked d("Iran's intelligence minister Ali Fallahiyan denied it.");
  EXPECT_EQ(d.Show(d.chunker().BackwardNP(d.At("Fallahiyan"), 0)),
            "Iran's intelligence minister Ali Fallahiyan");
}

TEST(ChunkerTest, BackwardEndsBeforeAParenthesis) {
  Chunked c("The Kurdistan Democratic Party (KDP) said so.");
  EXPECT_EQ(c.Show(c.chunker().BackwardNP(c.At(")"), 0)), "The Kurdistan Democratic Party");
}

TEST(ChunkerTest, BackwardStopsAtAVerbAndTheFloor) {
  Chunked c("Police said the minister resigned.");
  EXPECT_EQ(c.Show(c.chunker().BackwardNP(c.At("minister"), 0)), "the minister");
  EXPECT_EQ(c.Show(c.chunker().BackwardNP(c.At("minister"), c.At("minister"))), "minister");
  EXPECT_TRUE(c.chunker().BackwardNP(c.At("said"), 0).empty());
}

TEST(ChunkerTest, SubjectBeforeSkipsAnAppositive) {
  Chunked c("Freddy Pinas, a visitor from the Netherlands, accused the police.");
  int second_comma = c.At(",", c.At(",") + 1);
  EXPECT_EQ(c.Show(c.chunker().SubjectBefore(second_comma, 0)), "Freddy Pinas");
}

TEST(ChunkerTest, SubjectBeforeReadsARelativePronounsAntecedent) {
  Chunked c("The Commission, which met on Monday, condemned it.");
  EXPECT_EQ(c.Show(c.chunker().SubjectBefore(c.At("which"), 0)), "The Commission");
}

TEST(ChunkerTest, ClauseSubjectOfAParticiple) {
  Chunked c("Arafat, attacking the plan, said it would fail.");
  EXPECT_EQ(c.Show(c.chunker().ClauseSubject(c.At("attacking"))), "Arafat");
}

TEST(ChunkerTest, ClauseSubjectAfterAFrontedParticiple) {
  Chunked c("Accusing Netanyahu of stupidity, Arafat launched a campaign.");
  EXPECT_EQ(c.Show(c.chunker().ClauseSubject(c.At("Accusing"))), "Arafat");
}

TEST(ChunkerTest, ClauseSubjectIsAPronoun) {
  Chunked c("They observed a strike to protest the decision.");
  EXPECT_EQ(c.Show(c.chunker().ClauseSubject(c.At("protest"))), "They");
}

TEST(ChunkerTest, ForwardReadsTheNamedThingAfterWhat) {
  Chunked c("They lifted what they termed unlawful sanctions.");
  EXPECT_EQ(c.Show(c.chunker().ForwardNP(c.At("what"), c.End(), nullptr)), "unlawful sanctions");
}

TEST(ChunkerTest, ForwardDoesNotReadATimeAsAComplement) {
  Chunked c("Protesters condemned the raid on Saturday.");
  EXPECT_EQ(c.Show(c.chunker().ForwardNP(c.At("the"), c.End(), nullptr)), "the raid");
  EXPECT_EQ(c.chunker().SkipTime(c.At("on"), c.End()), c.At("Saturday") + 1);
}

TEST(ChunkerTest, BackwardReadsAPronounAlone) {
  Chunked c("Later she denounced the vote.");
  EXPECT_EQ(c.Show(c.chunker().BackwardNP(c.At("she"), 0)), "she");
}

TEST(ChunkerTest, ClauseSubjectIsNotAFirstPersonPronoun) {
  Chunked c("We marched to protest the decision.");
  EXPECT_TRUE(c.chunker().ClauseSubject(c.At("protest")).empty());
}

TEST(ChunkerTest, VerbGroupReadsNegationModalityAndPassive) {
  Chunked c("The minister did not condemn it.");
  VerbGroup g = c.chunker().VerbGroupBefore(c.At("condemn"));
  EXPECT_EQ(g.first, c.At("did"));
  EXPECT_TRUE(g.negated);
  EXPECT_FALSE(g.passive);
  Chunked d("The raid was strongly condemned on Friday.");
  g = d.chunker().VerbGroupBefore(d.At("condemned"));
  EXPECT_EQ(g.first, d.At("was"));
  EXPECT_TRUE(g.passive);
  EXPECT_FALSE(g.negated);
  Chunked e("Leaders must condemn it and refuse to attend.");
  EXPECT_TRUE(e.chunker().VerbGroupBefore(e.At("condemn")).deontic);
  EXPECT_TRUE(e.chunker().VerbGroupBefore(e.At("attend")).infinitive);
  EXPECT_EQ(e.chunker().VerbGroupBefore(e.At("Leaders")).first, e.At("Leaders"));
}

TEST(ChunkerTest, SpeakerOfAReportedClause) {
  Chunked c("Wang said Beijing and Moscow should oppose the plan.");
  Phrase subject = c.chunker().BackwardNP(c.At("Moscow"), 0);
  ASSERT_EQ(c.Show(subject), "Beijing and Moscow");
  EXPECT_EQ(c.Show(c.chunker().SpeakerOfReportedClause(subject)), "Wang");
  Chunked d("Beijing and Moscow oppose the plan.");
  EXPECT_TRUE(d.chunker().SpeakerOfReportedClause(d.chunker().BackwardNP(d.At("Moscow"), 0))
                  .empty());
}

TEST(ChunkerTest, ClauseAgentOfAPassiveClause) {
  Chunked c("He said that he had been abused by the priest.");
  EXPECT_EQ(c.Show(c.chunker().ClauseAgent(c.At("he", 1), c.End())), "the priest");
  Chunked d("She said that the army had shelled the town.");
  EXPECT_EQ(d.Show(d.chunker().ClauseAgent(d.At("the"), d.End())), "the army");
  Chunked e("He said that a judge had been subjected to pressure.");
  EXPECT_TRUE(e.chunker().ClauseAgent(e.At("a"), e.End()).empty());
}

TEST(ChunkerTest, TimeBeforeFindsAPhraseEndingAtAToken) {
  Chunked c("Smith on Friday said that Jones last week resigned in 1993 again.");
  EXPECT_EQ(c.chunker().TimeBefore(c.At("Friday"), 0, c.End()), c.At("on"));
  EXPECT_EQ(c.chunker().TimeBefore(c.At("week"), 0, c.End()), c.At("last"));
  EXPECT_EQ(c.chunker().TimeBefore(c.At("1993"), 0, c.End()), c.At("in"));
  EXPECT_EQ(c.chunker().TimeBefore(c.At("Smith"), 0, c.End()), c.At("Smith") + 1);
  // Not below lo.
  EXPECT_EQ(c.chunker().TimeBefore(c.At("Friday"), c.At("Friday"), c.End()), c.At("Friday") + 1);
}

}  // namespace
}  // namespace presslens
