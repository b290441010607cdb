// The tagger's fast path against its reference: NerModel::Tag sums the rows of the features
// Static and NerDynamicFeatures compute (what training sees), in parts it caches per word,
// per token in its sentence and per neighbour; the sums and so the tags must be the same.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "gazetteer.h"
#include "knowledge_base.h"
#include "ner_model.h"
#include "test_util.h"
#include "tokens.h"

namespace presslens {
namespace {

// Words that recur in several sentence positions, with and without neighbours, a headline,
// an all-caps line, a results table, gazetteer names and given names.
const char kText[] =
    "PUTIN MEETS MERKEL IN BERLIN\n\n"
    "Russian President Vladimir Putin met German Chancellor Angela Merkel in Berlin on Monday. "
    "Putin said the talks with Merkel were useful, and Merkel said Putin had agreed.\n"
    "Berlin was calm. The United Nations and the European Union welcomed the meeting in Berlin.\n"
    "SOCCER - ENGLISH LEAGUE RESULTS\n"
    "Arsenal 2 Chelsea 1\nLiverpool 0 Everton 0\nArsenal 1 Liverpool 3\n"
    "Mr. Smith of Acme Corp. told Reuters that Acme Corp. would buy Beta Ltd. for $ 3 million.\n"
    "\"We are happy,\" Smith said. Smith, Smith and Smith. Reuters\n"
    "United won. United Nations staff met. Nations met. New York and York. Union and Nations.\n"
    "European leaders met. European Union leaders met. York said New York was calm.\n";

TEST(NerModelTest, TaggerFeaturesAreStaticsInParts) {
  const std::string text = kText;
  Document doc = Tokenized(text);
  NerFeatures feats;
  feats.Compute(doc, Gazetteer::Get());
  for (int i = 0; i < feats.size(); ++i) {
    std::vector<uint32_t> expected;
    feats.Static(i, &expected);
    uint32_t parts[NerFeatures::kMaxStatic * 2];
    int count = feats.StaticOfWord(i, parts);
    count += feats.StaticInSentence(i, parts + count);
    count += feats.StaticOfNeighbours(i, parts + count);
    std::vector<uint32_t> got(parts, parts + count);
    std::sort(expected.begin(), expected.end());
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, expected) << "token " << i;
  }
}

TEST(NerModelTest, KnowledgeBaseMatchesAreLongestAndTyped) {
  const std::string text =
      "The Federal Reserve and Donald Trump met. Bank of America said the Fed was wrong.";
  Document doc = Tokenized(text);
  NerFeatures feats;
  feats.Compute(doc, Gazetteer::Get());
  std::vector<std::string> found;
  for (const NerFeatures::KbMatch& m : feats.kb_matches()) {
    const std::string name(doc.SpanText(doc.tokens[m.first].start, doc.tokens[m.end - 1].end));
    found.push_back(name + (m.types == KnowledgeBase::kKbPerson ? "/PER"
                            : m.types & KnowledgeBase::kKbOrg ? "/ORG" : "/other"));
  }
  EXPECT_NE(std::find(found.begin(), found.end(), "Federal Reserve/ORG"), found.end());
  EXPECT_NE(std::find(found.begin(), found.end(), "Donald Trump/PER"), found.end());
  EXPECT_NE(std::find(found.begin(), found.end(), "Bank of America/ORG"), found.end());
  EXPECT_NE(std::find(found.begin(), found.end(), "Fed/ORG"), found.end());
  // A match starts at a capitalised word: "The" of "The Federal Reserve" is no match's start
  // unless the knowledge base has the name with it.
  EXPECT_EQ(std::find(found.begin(), found.end(), "met/ORG"), found.end());
}

TEST(NerModelTest, TagEqualsReferenceSums) {
  // Random weights: every feature's row matters, so a feature summed twice, missed, or taken
  // from another token's cached sums changes some tag.
  const std::string text = std::string(kText) + kText + "Merkel met Putin. MERKEL met PUTIN.\n";
  Document doc = Tokenized(text);
  NerFeatures feats;
  feats.Compute(doc, Gazetteer::Get());
  for (unsigned seed = 1; seed <= 8; ++seed) {
    std::vector<float> w(static_cast<size_t>(kHashMask + 1) * kNumTags, 0.f);
    std::mt19937 rng(seed);
    for (size_t k = 0; k < w.size(); k += 1 + rng() % 2) w[k] = static_cast<float>(rng() % 255) - 127.f;
    NerModel model;
    ASSERT_TRUE(model.Load(NerModel::Serialize(w, 1.f)));
    NerState state;
    model.Tag(feats, &state);
    NerState replay;
    replay.tags.assign(feats.size(), 0);
    int scored = 0;
    for (int i = 0; i < feats.size(); ++i) {
      const int prev = i > 0 ? replay.tags[i - 1] : 0;
      if (NerOutside(feats, prev, i)) continue;
      ++scored;
      std::vector<uint32_t> f;
      feats.Static(i, &f);
      NerDynamicFeatures(feats, replay, i, &f);
      int score[kNumTags] = {};
      for (uint32_t b : f)
        for (int t = 0; t < kNumTags; ++t) score[t] += static_cast<int>(w[b * kNumTags + t]);
      int best = 0;
      for (int t = 1; t < kNumTags; ++t)
        if (TagAllowed(prev, t) && score[t] > score[best]) best = t;
      replay.Set(feats, i, best);
    }
    EXPECT_EQ(state.tags, replay.tags) << "seed " << seed;
    EXPECT_GT(scored, 40);
  }
}

}  // namespace
}  // namespace presslens
