// The entity pass's building blocks: case folding, hashing, the hash maps, the data-line
// reader and the gazetteer tables, each against a plain reference (the tagger's sums are
// checked in ner_model_test.cc).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "data.h"
#include "gazetteer.h"
#include "test_util.h"
#include "tokens.h"

namespace presslens {
namespace {

std::string PlainLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

TEST(GazetteerTest, LowerMatchesBytewiseFolding) {
  // Every byte value, at every offset of an eight-byte word, and lengths around 8.
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  for (size_t start = 0; start < 9; ++start)
    for (size_t len = 0; len + start <= all.size(); len += 7)
      EXPECT_EQ(Lower(std::string_view(all).substr(start, len)),
                PlainLower(std::string_view(all).substr(start, len)));
  EXPECT_EQ(Lower("Élysée PALACE @[`{ AZaz"), "Élysée palace @[`{ azaz");
  EXPECT_EQ(Lower(""), "");
}

TEST(GazetteerTest, HashStreamsAndFolds) {
  EXPECT_EQ(Hash(Hash(kHashSeed, "New "), "York"), Hash(kHashSeed, "New York"));
  EXPECT_EQ(Hash(kHashSeed, "New York", true), Hash(kHashSeed, "new york"));
  uint64_t exact = kHashSeed, folded = kHashSeed;
  Hash2(&exact, &folded, "U.S. Army");
  EXPECT_EQ(exact, Hash(kHashSeed, "U.S. Army"));
  EXPECT_EQ(folded, Hash(kHashSeed, "u.s. army"));
}

TEST(GazetteerTest, FlatMapAgreesWithReference) {
  FlatMap map;
  std::vector<std::pair<uint64_t, int32_t>> ref;
  std::mt19937_64 rng(7);
  EXPECT_EQ(map.Find(5), nullptr);
  for (int k = 0; k < 5000; ++k) {
    const uint64_t key = k % 3 == 0 ? rng() % 64 : rng();  // small keys collide, 0 included
    const bool overwrite = k % 2 == 0;
    map.Insert(key, k, overwrite);
    bool found = false;
    for (auto& kv : ref)
      if (kv.first == (key ? key : 1)) {
        if (overwrite) kv.second = k;
        found = true;
      }
    if (!found) ref.push_back({key ? key : 1, k});
  }
  EXPECT_EQ(map.size(), ref.size());
  for (const auto& kv : ref) {
    const int32_t* v = map.Find(kv.first);
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(*v, kv.second);
  }
  bool inserted;
  *map.FindOrInsert(ref[0].first, -1, &inserted) += 100;
  EXPECT_FALSE(inserted);
  EXPECT_EQ(*map.Find(ref[0].first), ref[0].second + 100);
  map.Clear();
  EXPECT_EQ(map.size(), 0u);
  EXPECT_EQ(map.Find(ref[1].first), nullptr);
  map.Reserve(10000);
  map.Insert(42, 1);
  EXPECT_EQ(*map.Find(42), 1);
}

TEST(GazetteerTest, HashSetHasWhatWasInserted) {
  HashSet set;
  for (uint64_t k = 0; k < 3000; ++k) set.Insert(k * 0x9E3779B97F4A7C15ull);
  for (uint64_t k = 0; k < 3000; ++k) EXPECT_TRUE(set.Contains(k * 0x9E3779B97F4A7C15ull));
  int false_hits = 0;
  for (uint64_t k = 3000; k < 6000; ++k) false_hits += set.Contains(k * 0x9E3779B97F4A7C15ull);
  EXPECT_EQ(false_hits, 0);
}

TEST(GazetteerTest, ForEachDataLineIsDataLines) {
  for (const char* name : {"gazetteer", "given-names", "titles", "abbreviations"}) {
    std::vector<std::string_view> lines;
    ForEachDataLine(name, [&](std::string_view l) { lines.push_back(l); });
    EXPECT_EQ(lines, DataLines(name)) << name;
    for (std::string_view l : lines) {
      ASSERT_FALSE(l.empty());
      EXPECT_NE(l.front(), '#');
      EXPECT_NE(l.back(), ' ');
      EXPECT_NE(l.back(), '\r');
    }
  }
}

TEST(GazetteerTest, NameTableMatchesLongestNameAndAliases) {
  NameTable table;
  const int un = table.Add({"ORG", "United Nations", "", ""}, {"UN", "U.N."});
  const int ny = table.Add({"GPE", "New York", "United States", ""}, {});
  EXPECT_EQ(table.type(un), EntityType::kOrg);
  EXPECT_EQ(table.known(ny).country, "United States");
  const std::string text = "The United Nations met in New York; the U.N. and NEW YORK agreed.";
  Document doc = Tokenized(text);
  std::vector<std::pair<int, int>> found;  // (first token, id)
  for (int i = 0; i < static_cast<int>(doc.tokens.size());) {
    int id = -1;
    const int end = table.Match(doc, i, &id);
    if (end < 0) {
      ++i;
      continue;
    }
    found.push_back({i, id});
    EXPECT_EQ(table.Lookup(doc, i, end), id);
    i = end;
  }
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].second, un);
  EXPECT_EQ(found[1].second, ny);
  EXPECT_EQ(found[2].second, un);
  EXPECT_EQ(found[3].second, ny);  // all caps: matched case-insensitively
}

TEST(GazetteerTest, BuiltInTablesAreLoaded) {
  const Gazetteer& gaz = Gazetteer::Get();
  const std::string text = "Foreign Minister Sergei Lavrov said in Moscow";
  Document doc = Tokenized(text);
  int id = -1;
  EXPECT_EQ(gaz.titles.Match(doc, 0, &id), 2);
  EXPECT_EQ(gaz.titles.known(id).name, "Foreign Minister");
  EXPECT_TRUE(gaz.given.Contains(Hash(kHashSeed, "Sergei")));
  EXPECT_FALSE(gaz.given.Contains(Hash(kHashSeed, "Lavrov")));
  EXPECT_TRUE(gaz.title_words.Contains(Hash(kHashSeed, "minister")));
  EXPECT_GE(gaz.names.Match(doc, 6, &id), 7);
  EXPECT_EQ(gaz.names.type(id), EntityType::kGpe);
}

}  // namespace
}  // namespace presslens
