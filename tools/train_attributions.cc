// train_attributions TRAIN.docs VALIDATION.docs OUT.bin [EPOCHS] [--refit]
//
// Trains the attribution tagger (core/attribution_model.h): a greedy averaged perceptron over
// BIO tags of SOURCE / CUE / CONTENT. Input documents are PolNeAR articles written by
// scripts/train-attributions.mjs:
//   DOC <text bytes> <spans>\n<text>\n then one "<attribution> <role> <start> <end>\n" per
// gold fragment (role S, C or T for source, cue, content; UTF-8 byte offsets). Each text goes
// through presslens' own tokenizer, quote finder and entity finder, so training sees exactly the
// input the core sees at run time. Cue words (the sentences the tagger reads) are learned from
// the training documents; the epoch with the best span F1 on the validation documents is kept,
// then the weights are quantised to int8 and small rows dropped while the validation F1 holds.
// With --refit, the chosen epoch count, quantile and pruning are applied to a model trained
// again on the training and validation documents together. The model is written to OUT.bin.
// Only the validation documents choose anything: articles held out for scoring are passed
// in neither file. Deterministic: fixed seed and order.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "attribution_model.h"
#include "entities.h"
#include "perceptron.h"
#include "quotes.h"
#include "tokens.h"

using namespace presslens;

namespace {

struct GoldSpan {
  int attribution;
  int role;
  uint32_t start, end;
};

struct Example {
  std::string text;
  Document doc;
  AttributionFeatures feats;
  std::vector<GoldSpan> gold;
  std::vector<uint8_t> tags;  // gold BIO tags per token
};

int RoleOf(const std::string& s) {
  if (s == "S") return kSource;
  if (s == "C") return kCueRole;
  if (s == "T") return kContent;
  return -1;
}

std::vector<Example> Read(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "train_attributions: cannot open %s\n", path);
    std::exit(1);
  }
  std::vector<Example> docs;
  std::string word;
  size_t bytes, spans;
  while (in >> word >> bytes >> spans) {
    in.get();
    docs.emplace_back();
    Example& ex = docs.back();
    ex.text.resize(bytes);
    in.read(&ex.text[0], static_cast<std::streamsize>(bytes));
    for (size_t k = 0; k < spans; ++k) {
      GoldSpan g;
      std::string role;
      in >> g.attribution >> role >> g.start >> g.end;
      g.role = RoleOf(role);
      if (g.role >= 0 && g.end > g.start) ex.gold.push_back(g);
    }
  }
  return docs;
}

// Runs the stages the tagger reads and sets the gold tags: content first, then source and cue
// over it (a source or cue inside another attribution's content keeps its own role).
void Prepare(Example* ex, const Tokenizer& tokenizer, const QuoteFinder& quotes,
             const EntityFinder& entities, EntityFinder::Scratch* scratch) {
  Document& doc = ex->doc;
  doc.Reset(ex->text);
  tokenizer.Run(&doc);
  quotes.Run(&doc);
  entities.Run(&doc, scratch);
  const auto& tokens = doc.tokens;
  ex->tags.assign(tokens.size(), 0);
  for (int role : {kContent, kSource, kCueRole}) {
    for (const GoldSpan& g : ex->gold) {
      if (g.role != role) continue;
      auto it = std::lower_bound(tokens.begin(), tokens.end(), g.start,
                                 [](const Token& t, uint32_t s) { return t.end <= s; });
      bool first = true;
      for (; it != tokens.end() && it->start < g.end; ++it) {
        ex->tags[it - tokens.begin()] = static_cast<uint8_t>(AttrBegin(role) + (first ? 0 : 1));
        first = false;
      }
    }
  }
  for (size_t i = 0; i < tokens.size(); ++i) {  // an I- whose run was cut begins a new span
    const int prev = i > 0 && tokens[i - 1].sentence == tokens[i].sentence ? ex->tags[i - 1] : 0;
    if (!AttrAllowed(prev, ex->tags[i])) ex->tags[i] = static_cast<uint8_t>(AttrBegin(AttrRoleOf(ex->tags[i])));
  }
}

// Cue words: word tokens inside gold cues at least kMinCount times and in at least kMinShare
// of their occurrences, then the weaker cue words whose sentences yield enough reported speech.
// Only words outside quote marks count towards a sentence, as at run time.
std::vector<uint64_t> LearnCueWords(const std::vector<Example>& train) {
  constexpr int kMinCount = 5;
  constexpr double kMinShare = 0.3;
  std::unordered_map<uint64_t, std::pair<int, int>> counts;  // folded hash -> (in cue, all)
  for (const Example& ex : train) {
    for (size_t i = 0; i < ex.doc.tokens.size(); ++i) {
      if (ex.doc.tokens[i].kind != TokenKind::kWord) continue;
      auto& c = counts[ex.doc.folded_hash[i]];
      c.second++;
      if (AttrRoleOf(ex.tags[i]) == kCueRole) c.first++;
    }
  }
  std::vector<uint64_t> out;
  for (const auto& [h, c] : counts)
    if (c.first >= kMinCount && c.first >= kMinShare * c.second) out.push_back(h);
  // Then weaker cue words (marked as cue at least kWeakCount times and in at least kLowShare of
  // their occurrences), one at a time, the word whose new candidate sentences hold the most
  // attributions per token first (gold attributions with a content and a cue fragment starting
  // in the sentence: what the tagger can find there), while that yield is at least kMinYield: a
  // word that rarely cues ("want", "believe", "show") is worth its tagging cost where reported
  // speech comes with it.
  constexpr int kWeakCount = 3;
  constexpr double kLowShare = 0.1;
  constexpr double kMinYield = 0.03;
  std::unordered_map<uint64_t, std::vector<int>> postings;  // weak word -> sentences (global ids)
  std::vector<int> sentence_tokens, sentence_reported;
  std::vector<uint8_t> covered;
  std::unordered_map<uint64_t, int> strong;
  for (uint64_t h : out) strong[h] = 1;
  for (const Example& ex : train) {
    const Document& doc = ex.doc;
    std::vector<uint8_t> quoted(doc.tokens.size(), 0);
    for (const QuoteSpan& q : doc.quote_spans) {
      if (q.nested) continue;
      for (int i = q.first; i < q.last; ++i) quoted[i] = 1;
      if (q.open_token >= 0) quoted[q.open_token] = 1;
      if (q.close_token >= 0) quoted[q.close_token] = 1;
    }
    // Per sentence, the attributions with a content fragment and a cue fragment starting in it.
    std::vector<int> with_cue(doc.sentences.size(), 0);
    {
      auto sentence_of = [&](uint32_t off) {
        auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), off,
                                   [](const Token& t, uint32_t s) { return t.end <= s; });
        return it == doc.tokens.end() ? -1 : static_cast<int>(it->sentence);
      };
      std::map<std::pair<int, int>, int> seen;  // (attribution, sentence) -> role bits
      for (const GoldSpan& g : ex.gold) {
        if (g.role == kSource) continue;
        const int st = sentence_of(g.start);
        if (st < 0) continue;
        int& bits = seen[{g.attribution, st}];
        bits |= g.role == kContent ? 1 : 2;
      }
      for (const auto& [k, bits] : seen)
        if (bits == 3) with_cue[k.second]++;
    }
    for (const Sentence& st : doc.sentences) {
      const int id = static_cast<int>(sentence_tokens.size());
      bool cov = false;
      for (int i = st.first; i < st.last; ++i) {
        if (doc.tokens[i].kind != TokenKind::kWord || quoted[i]) continue;
        const uint64_t h = doc.folded_hash[i];
        if (strong.count(h)) { cov = true; continue; }
        auto it = counts.find(h);
        if (it == counts.end() || it->second.first < kWeakCount ||
            it->second.first < kLowShare * it->second.second)
          continue;
        auto& p = postings[h];
        if (p.empty() || p.back() != id) p.push_back(id);
      }
      sentence_tokens.push_back(st.last - st.first);
      sentence_reported.push_back(with_cue[&st - doc.sentences.data()]);
      covered.push_back(cov);
    }
  }
  for (;;) {
    double best = 0;
    uint64_t pick = 0;
    for (const auto& [h, p] : postings) {
      long gain = 0, cost = 0;
      for (int id : p)
        if (!covered[id]) gain += sentence_reported[id], cost += sentence_tokens[id];
      const double yield = cost ? static_cast<double>(gain) / cost : 0;
      if (cost && (yield > best || (yield == best && h < pick))) best = yield, pick = h;
    }
    if (best < kMinYield) break;
    for (int id : postings[pick]) covered[id] = 1;
    postings.erase(pick);
    out.push_back(pick);
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct Counts {
  SpanCounts role[kNumRoles];
  double F1(int r) const { return role[r].F1(); }
  double Mean() const { return (F1(kSource) + F1(kCueRole) + F1(kContent)) / 3; }
};

// Exact-span counts per role over all sentences (untagged sentences count as all O).
void Score(const Example& ex, const std::vector<uint8_t>& tags, Counts* c) {
  auto spans = [&](const std::vector<uint8_t>& t) {
    std::map<std::pair<int, int>, int> out;  // (first, last) -> role
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == 0 || AttrInside(t[i])) continue;
      size_t j = i + 1;
      while (j < t.size() && AttrInside(t[j]) && AttrRoleOf(t[j]) == AttrRoleOf(t[i])) ++j;
      out[{static_cast<int>(i), static_cast<int>(j)}] = AttrRoleOf(t[i]);
    }
    return out;
  };
  auto gold = spans(ex.tags), pred = spans(tags);
  for (const auto& [k, r] : gold) c->role[r].gold++;
  for (const auto& [k, r] : pred) {
    c->role[r].pred++;
    auto it = gold.find(k);
    if (it != gold.end() && it->second == r) c->role[r].tp++;
  }
}

class Trainer {
 public:
  // Tags the candidate sentences of one document with the current weights (or `avg`); when
  // `learn`, a sentence tagged wrong moves the weights towards its gold tags (structured
  // perceptron: the features of the gold sequence up, those of the chosen one down).
  void Run(const Example& ex, bool learn, const std::vector<float>* avg, std::vector<uint8_t>* tags) {
    const AttributionFeatures& f = ex.feats;
    tags->assign(ex.doc.tokens.size(), 0);
    const float* w = avg ? avg->data() : perceptron_.weights();
    auto row = [w](uint32_t b) { return w + static_cast<size_t>(b) * kAttrTags; };
    uint32_t feats[AttributionFeatures::kMaxStatic];
    for (size_t s = 0; s < ex.doc.sentences.size(); ++s) {
      if (!f.Candidate(static_cast<int>(s))) continue;
      const int first = ex.doc.sentences[s].first, last = ex.doc.sentences[s].last;
      AttrDecode(
          f, first, last, row,
          [&](int i, int prev, float* out) {
            uint32_t dyn[AttributionFeatures::kMaxDynamic];
            const int n = f.Dynamic(i, prev, dyn);
            for (int k = 0; k < n; ++k)
              for (int t = 0; t < kAttrTags; ++t) out[t] += row(dyn[k])[t];
          },
          tags->data());
      if (!learn) continue;
      perceptron_.Tick();
      for (int i = first; i < last; ++i) {
        const int gold = ex.tags[i], pred = (*tags)[i];
        const int gp = i > first ? ex.tags[i - 1] : 0, pp = i > first ? (*tags)[i - 1] : 0;
        if (gold == pred && gp == pp) continue;
        if (gold != pred) {
          const int n = f.Static(i, feats);
          for (int k = 0; k < n; ++k) {
            perceptron_.Update(feats[k], gold, 1);
            perceptron_.Update(feats[k], pred, -1);
          }
        }
        int n = f.Dynamic(i, gp, feats);
        for (int k = 0; k < n; ++k) perceptron_.Update(feats[k], gold, 1);
        n = f.Dynamic(i, pp, feats);
        for (int k = 0; k < n; ++k) perceptron_.Update(feats[k], pred, -1);
      }
    }
  }

  std::vector<float> Averaged() const { return perceptron_.Averaged(); }

 private:
  AveragedPerceptron perceptron_{static_cast<size_t>(kAttrHashMask + 1), kAttrTags};
};

void Report(const char* what, const Counts& c) {
  std::fprintf(stderr, "%s: span F1 source %.4f cue %.4f content %.4f (mean %.4f)\n", what,
               c.F1(kSource), c.F1(kCueRole), c.F1(kContent), c.Mean());
}

// Learns the cue words of `train`, computes the features of `train` and `valid` with them and
// prints how much of the gold the candidate sentences reach.
CueWords Features(std::vector<Example>* train, std::vector<Example>* valid) {
  CueWords cues;
  cues.Assign(LearnCueWords(*train));
  long gold_content = 0, reachable = 0, sentences = 0, tagged = 0, tagged_with_content = 0;
  for (auto* set : {train, valid}) {
    for (Example& ex : *set) {
      ex.feats.Compute(ex.doc, cues);
      for (size_t s = 0; s < ex.doc.sentences.size(); ++s) {
        ++sentences;
        if (!ex.feats.Candidate(static_cast<int>(s))) continue;
        ++tagged;
        bool content = false;
        for (int i = ex.doc.sentences[s].first; i < ex.doc.sentences[s].last; ++i)
          content = content || AttrRoleOf(ex.tags[i]) == kContent;
        tagged_with_content += content;
      }
      for (size_t i = 0; i < ex.tags.size(); ++i) {
        if (ex.tags[i] != AttrBegin(kContent)) continue;
        ++gold_content;
        reachable += ex.feats.Candidate(ex.doc.tokens[i].sentence);
      }
    }
  }
  std::fprintf(stderr, "train %zu docs, validation %zu; %zu cue words; tagged sentences %ld of %ld (%ld with content); content spans in them %ld of %ld\n",
               train->size(), valid->size(), cues.hashes().size(), tagged, sentences, tagged_with_content, reachable, gold_content);
  return cues;
}

// Trains `epochs` epochs over `train` (fixed seed and order). With a non-empty `valid`, the
// averaged weights of the epoch with the best validation mean span F1 are returned (its number
// in *best_epoch); with an empty one, those of the last epoch.
std::vector<float> Train(const std::vector<Example>& train, const std::vector<Example>& valid, int epochs,
                         int* best_epoch) {
  Trainer trainer;
  std::vector<size_t> order(train.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::mt19937 rng(20151);
  std::vector<float> best;
  double best_f1 = -1;
  std::vector<uint8_t> tags;
  for (int e = 1; e <= epochs; ++e) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t k : order) trainer.Run(train[k], true, nullptr, &tags);
    std::vector<float> avg = trainer.Averaged();
    if (valid.empty()) {
      if (e == epochs) best = std::move(avg), *best_epoch = e;
      continue;
    }
    Counts c;
    for (const Example& ex : valid) {
      trainer.Run(ex, false, &avg, &tags);
      Score(ex, tags, &c);
    }
    char what[32];
    std::snprintf(what, sizeof what, "epoch %d validation", e);
    Report(what, c);
    if (c.Mean() > best_f1) {
      best_f1 = c.Mean();
      *best_epoch = e;
      best = std::move(avg);
    }
  }
  return best;
}

// The int8 model of `weights`: the scale from quantile `q` of |w| (the largest weights
// saturate), then rows whose weights all round to less than `prune` dropped.
std::string Quantise(const CueWords& cues, const std::vector<float>& weights, double q, int prune) {
  const float scale = Int8Scale(SortedMagnitudes(weights), q);
  std::vector<float> pruned = weights;
  for (size_t bucket = 0; bucket <= kAttrHashMask; ++bucket) {
    float* row = &pruned[bucket * kAttrTags];
    float most = 0;
    for (int t = 0; t < kAttrTags; ++t) most = std::max(most, std::fabs(row[t] * scale));
    if (most < prune - 0.5f) std::fill(row, row + kAttrTags, 0.f);
  }
  return AttributionModel::Serialize(cues.hashes(), pruned, scale);
}

// Mean span F1 of a serialised model on `set`.
double Evaluate(const std::string& bytes, const std::vector<Example>& set) {
  AttributionModel model;
  if (!model.Load(bytes)) {
    std::fprintf(stderr, "train_attributions: the written model does not load\n");
    std::exit(1);
  }
  Counts c;
  std::vector<uint8_t> tags;
  for (const Example& ex : set) {
    tags.assign(ex.doc.tokens.size(), 0);
    for (size_t s = 0; s < ex.doc.sentences.size(); ++s)
      if (ex.feats.Candidate(static_cast<int>(s)))
        model.Tag(ex.feats, ex.doc.sentences[s].first, ex.doc.sentences[s].last, tags.data());
    Score(ex, tags, &c);
  }
  return c.Mean();
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<const char*> pos;
  bool refit = false;
  for (int k = 1; k < argc; ++k) {
    if (std::string(argv[k]) == "--refit") refit = true;
    else pos.push_back(argv[k]);
  }
  if (pos.size() < 3) {
    std::fprintf(stderr, "usage: train_attributions TRAIN.docs VALIDATION.docs OUT.bin [EPOCHS] [--refit]\n");
    return 2;
  }
  const int epochs = pos.size() > 3 ? std::atoi(pos[3]) : 12;
  Tokenizer tokenizer;
  QuoteFinder quotes;
  std::vector<std::string> errors;
  EntityFinder entities({}, &errors);
  auto scratch = EntityFinder::NewScratch();
  std::vector<Example> train = Read(pos[0]);
  std::vector<Example> valid = Read(pos[1]);
  for (auto* set : {&train, &valid})
    for (Example& ex : *set) Prepare(&ex, tokenizer, quotes, entities, scratch.get());

  // Selection, on the validation articles only: the epoch, then the quantile and the pruning
  // (the smallest model within kTolerance of the best validation F1).
  CueWords cues = Features(&train, &valid);
  int best_epoch = 0;
  const std::vector<float> best = Train(train, valid, epochs, &best_epoch);
  constexpr double kTolerance = 0.002;
  struct Candidate {
    std::string bytes;
    double f1, q;
    int prune;
  };
  std::vector<Candidate> candidates;
  for (double q : {0.9995, 0.9999, 1.0}) {
    for (int prune : {0, 2, 3, 4, 6}) {
      std::string bytes = Quantise(cues, best, q, prune);
      const double f1 = Evaluate(bytes, valid);
      std::fprintf(stderr, "int8 at quantile %.4f, rows under %d dropped: %zu bytes, validation mean span F1 %.4f\n",
                   q, prune, bytes.size(), f1);
      candidates.push_back({std::move(bytes), f1, q, prune});
    }
  }
  double top = 0;
  for (const Candidate& c : candidates) top = std::max(top, c.f1);
  const Candidate* pick = nullptr;
  for (const Candidate& c : candidates)
    if (c.f1 >= top - kTolerance && (!pick || c.bytes.size() < pick->bytes.size())) pick = &c;
  std::string chosen = pick->bytes;
  std::fprintf(stderr, "chosen: epoch %d, quantile %.4f, rows under %d dropped (validation mean span F1 %.4f)\n",
               best_epoch, pick->q, pick->prune, pick->f1);

  // With --refit, the chosen settings are applied to a model trained on the training and the
  // validation articles together (the cue words learned from both).
  if (refit) {
    for (Example& ex : valid) train.push_back(std::move(ex));
    std::vector<Example> none;
    cues = Features(&train, &none);
    int last = 0;
    chosen = Quantise(cues, Train(train, none, best_epoch, &last), pick->q, pick->prune);
  }
  std::ofstream out(pos[2], std::ios::binary);
  out.write(chosen.data(), static_cast<std::streamsize>(chosen.size()));
  std::fprintf(stderr, "wrote %s: %zu bytes%s\n", pos[2], chosen.size(), refit ? " (refit on training + validation)" : "");
  return out ? 0 : 1;
}
